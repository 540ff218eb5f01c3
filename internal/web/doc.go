// Package web is InterviewDesk's HTTP host: the console API (docs/api.md) that
// every console client uses, the console's static files, and the pages behind
// candidate and interviewer links.
//
// Two kinds of caller reach it and never mix: the console, authenticated by the
// install's console key (Bearer header or a SameSite=Strict cookie), and link
// holders, whose 128-bit link token is their only capability and who are never
// answered by /api/.
package web
