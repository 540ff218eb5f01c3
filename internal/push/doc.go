// Package push carries live changes (who is in a room, an email's delivery
// state, a new recording, new timeline entries) from the services that make
// them to the console clients that show them, so no screen has to poll.
//
// A Bus fans each published Event out to every subscriber. Subscribers get a
// bounded buffer: one that falls behind loses events and is told so with a
// Resync event, after which it reloads what it shows. Publishing never blocks.
// Closing the bus (on host shutdown) ends every subscription.
package push
