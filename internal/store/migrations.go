package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// A migration moves the schema from Version-1 to Version.
type migration struct {
	Version uint64
	Name    string
	Apply   func(tx *Tx) error
}

// migrations is the ordered schema history. Append only; never edit a released step.
var migrations = []migration{
	{1, "create meta, templates, interviews and their indexes", func(tx *Tx) error {
		return createBuckets(tx, BucketMeta, BucketTemplates, BucketInterviews,
			BucketInterviewsByStart, BucketLinks)
	}},
	{2, "create the outgoing mail outbox", func(tx *Tx) error {
		return createBuckets(tx, BucketOutbox)
	}},
	{3, "create the interview event logs", func(tx *Tx) error {
		return createBuckets(tx, BucketEvents)
	}},
	{4, "give every interview participant and link a stable participant ID", addParticipantIDs},
	{5, "create the interviews' analyses", func(tx *Tx) error {
		return createBuckets(tx, BucketAnalysis)
	}},
	{6, "gather every interview's candidate into a candidate profile", addCandidates},
	{7, "create the campaigns and their registrations", func(tx *Tx) error {
		return createBuckets(tx, BucketCampaigns, BucketRegistrations)
	}},
	{8, "create the audit log, the consent texts and the retention log", func(tx *Tx) error {
		return createBuckets(tx, BucketAudit, BucketConsentTexts, BucketRetentionLog)
	}},
	{9, "create the team host's accounts, their password links and sessions", func(tx *Tx) error {
		return createBuckets(tx, BucketUsers, BucketUsersByEmail, BucketAccountLinks, BucketSessions)
	}},
	{10, "keep the interviewers' emails in the interview index, for one interviewer's lists", indexInterviewerEmails},
	{11, "move every team's data under teams/default", moveIntoTeam},
}

// SchemaVersion is the version this build writes.
func SchemaVersion() uint64 { return migrations[len(migrations)-1].Version }

func createBuckets(tx *Tx, names ...[]byte) error {
	for _, n := range names {
		if _, err := tx.CreateBucketIfNotExists(n); err != nil {
			return fmt.Errorf("create bucket %s: %w", n, err)
		}
	}
	return nil
}

// Version reads the schema version recorded in tx (0 for a new file).
func Version(tx *Tx) uint64 {
	meta := tx.Bucket(BucketMeta)
	if meta == nil {
		return 0
	}
	return Btoi(meta.Get(KeySchemaVersion))
}

// migrate applies the missing steps of steps in one transaction.
func (db *DB) migrate(steps []migration) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		current := Version(tx)
		latest := steps[len(steps)-1].Version
		if current > latest {
			return fmt.Errorf("schema version %d, this build knows up to %d: %w", current, latest, ErrTooNew)
		}
		for _, m := range steps {
			if m.Version <= current {
				continue
			}
			if err := m.Apply(tx); err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
			}
			if err := tx.Bucket(BucketMeta).Put(KeySchemaVersion, Itob(m.Version)); err != nil {
				return fmt.Errorf("record schema version %d: %w", m.Version, err)
			}
		}
		return nil
	})
}

// addParticipantIDs stores the participant IDs that calls and recordings used
// before they were stored: "candidate", and for an interviewer a hash of their
// email and name at the time. Recordings made before keep their names.
func addParticipantIDs(tx *Tx) error {
	byEmail := map[string]string{} // interview ID + "\x00" + lower-case email -> participant
	err := tx.Bucket(BucketInterviews).ForEach(func(k, v []byte) error {
		var iv map[string]json.RawMessage
		if err := json.Unmarshal(v, &iv); err != nil {
			return fmt.Errorf("interview %s: %w", k, err)
		}
		var people []map[string]any
		if raw, ok := iv["interviewers"]; ok {
			if err := json.Unmarshal(raw, &people); err != nil {
				return fmt.Errorf("interviewers of %s: %w", k, err)
			}
		}
		for _, p := range people {
			email, _ := p["email"].(string)
			name, _ := p["name"].(string)
			if id, _ := p["participant"].(string); id == "" {
				sum := sha256.Sum256([]byte(email + "\x00" + name))
				p["participant"] = "interviewer-" + hex.EncodeToString(sum[:4])
			}
			byEmail[string(k)+"\x00"+strings.ToLower(email)] = p["participant"].(string)
		}
		raw, err := json.Marshal(people)
		if err != nil {
			return err
		}
		iv["interviewers"] = raw
		out, err := json.Marshal(iv)
		if err != nil {
			return err
		}
		return tx.Bucket(BucketInterviews).Put(k, out)
	})
	if err != nil {
		return err
	}
	return tx.Bucket(BucketLinks).ForEach(func(k, v []byte) error {
		var l map[string]any
		if err := json.Unmarshal(v, &l); err != nil {
			return fmt.Errorf("link: %w", err)
		}
		role, _ := l["role"].(string)
		id, _ := l["interviewId"].(string)
		email, _ := l["email"].(string)
		switch role {
		case "candidate":
			l["participant"] = "candidate"
		case "interviewer":
			l["participant"] = byEmail[id+"\x00"+strings.ToLower(email)]
		}
		out, err := json.Marshal(l)
		if err != nil {
			return err
		}
		return tx.Bucket(BucketLinks).Put(k, out)
	})
}

// indexInterviewerEmails adds each interview's interviewers' lower-case
// emails to its interviews_by_start entry ("interviewerEmails").
func indexInterviewerEmails(tx *Tx) error {
	index := tx.Bucket(BucketInterviewsByStart)
	updates := map[string][]byte{}
	err := index.ForEach(func(k, v []byte) error {
		_, id, ok := strings.Cut(string(k), "|")
		raw := tx.Bucket(BucketInterviews).Get([]byte(id))
		if !ok || raw == nil {
			return nil // an entry without its interview lists as before
		}
		var iv struct {
			Interviewers []struct {
				Email string `json:"email"`
			} `json:"interviewers"`
		}
		if err := json.Unmarshal(raw, &iv); err != nil {
			return fmt.Errorf("interview %s: %w", id, err)
		}
		var entry map[string]any
		if err := json.Unmarshal(v, &entry); err != nil {
			return fmt.Errorf("index entry %s: %w", k, err)
		}
		emails := []string{}
		for _, in := range iv.Interviewers {
			emails = append(emails, strings.ToLower(strings.TrimSpace(in.Email)))
		}
		entry["interviewerEmails"] = emails
		out, err := json.Marshal(entry)
		if err != nil {
			return err
		}
		updates[string(k)] = out
		return nil
	})
	if err != nil {
		return err
	}
	for k, v := range updates { // bbolt forbids writes during ForEach
		if err := index.Put([]byte(k), v); err != nil {
			return err
		}
	}
	return nil
}
