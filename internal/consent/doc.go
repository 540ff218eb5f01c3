// Package consent holds the consent texts a candidate's page shows before
// joining (personal data processing, required; AI analysis of answers and
// recording, optional) and their version: a hash of the texts, which the
// page sends back with the candidate's answers, so every consent in an
// interview's log names the exact wording the candidate agreed to.
//
// Each version's texts are kept in the store (Keep) the first time a host
// offers them, so a consent given years ago can still be shown with the
// words the candidate read (Lookup), after the texts have changed.
package consent
