// Package campaigns runs mass interviewing through one shared link: a
// campaign names a position, a template and its interviewers, and offers
// either slots (start times with a number of seats each, listed or generated
// from rules such as "weekdays 10:00–16:00, 45 minutes" in the campaign's
// time zone) or "interview now". Candidates open the campaign's shared link
// (a links.Campaign token), register themselves and get an ordinary
// interview (internal/interviews) with their own personal link, invitation
// and calendar file.
//
// Basics: a registration is booked inside the new interview's own bbolt
// transaction (interviews.Service.CreateBooked), which re-reads the
// campaign and checks its state, its seats and the candidate's address
// before it counts the seat. bbolt runs one writing transaction at a time,
// so simultaneous registrations never overbook a slot. Later changes to the
// interview (a reschedule, a cancel, a restore — by the recruiter or by the
// candidate from their own link) move the seat in the same transaction
// through Hook, which refuses a move into a full slot.
//
// Caveats: the public views (Public, CandidateBooking) carry no other
// candidate's data: only whether a slot has seats left and how many.
package campaigns
