package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Teams: the data of one team (its templates, interviews and their logs,
// analyses, candidates and campaigns) lives under teams/<team>/ (since schema
// 11); what the host keeps for every team (the schema, link tokens, the mail
// outbox, the accounts and their sessions, the settings) stays at the top.
// Today every team's data is the DefaultTeam's.
//
// Code reaches a bucket through BucketOf, never tx.Bucket, so the same code
// reads a file before migration 11 (the migrations before it) and after.

// DefaultTeam is the team everything belongs to until a host keeps several.
const DefaultTeam = "default"

// teamBuckets are the buckets a team owns.
var teamBuckets = [][]byte{BucketTemplates, BucketInterviews, BucketInterviewsByStart, BucketEvents, BucketAnalysis,
	BucketCandidates, BucketCandidateEmails, BucketInterviewCandidates, BucketTakehome, BucketTakehomeKeys,
	BucketCampaigns, BucketRegistrations}

// TeamBuckets lists the buckets a team owns (the rest are the host's).
func TeamBuckets() [][]byte { return teamBuckets }

func isTeamBucket(name []byte) bool {
	for _, b := range teamBuckets {
		if bytes.Equal(b, name) {
			return true
		}
	}
	return false
}

// BucketOf is the bucket name of tx: the default team's own for a team
// bucket, the host's for the others. It is nil where the bucket does not
// exist.
func BucketOf(tx *Tx, name []byte) *bolt.Bucket {
	if isTeamBucket(name) {
		if team := teamOf(tx, DefaultTeam); team != nil {
			return team.Bucket(name)
		}
	}
	return tx.Bucket(name)
}

// teamOf is team's bucket, nil before migration 11.
func teamOf(tx *Tx, team string) *bolt.Bucket {
	teams := tx.Bucket(BucketTeams)
	if teams == nil {
		return nil
	}
	return teams.Bucket([]byte(team))
}

// moveIntoTeam moves every team bucket at the top of the file into
// teams/DefaultTeam/, nested buckets (the event logs) and sequences included.
func moveIntoTeam(tx *Tx) error {
	teams, err := tx.CreateBucketIfNotExists(BucketTeams)
	if err != nil {
		return fmt.Errorf("create %s: %w", BucketTeams, err)
	}
	team, err := teams.CreateBucketIfNotExists([]byte(DefaultTeam))
	if err != nil {
		return fmt.Errorf("create team %s: %w", DefaultTeam, err)
	}
	for _, name := range teamBuckets {
		from := tx.Bucket(name)
		if from == nil {
			continue
		}
		to, err := team.CreateBucket(name)
		if err != nil {
			return fmt.Errorf("create %s/%s: %w", DefaultTeam, name, err)
		}
		if err := copyBucket(from, to); err != nil {
			return fmt.Errorf("move %s: %w", name, err)
		}
		if err := tx.DeleteBucket(name); err != nil {
			return fmt.Errorf("delete old %s: %w", name, err)
		}
	}
	return nil
}

// copyBucket copies every key, nested bucket and the sequence of from into to.
func copyBucket(from, to *bolt.Bucket) error {
	if err := to.SetSequence(from.Sequence()); err != nil {
		return err
	}
	return from.ForEach(func(k, v []byte) error {
		if v != nil {
			return to.Put(bytes.Clone(k), bytes.Clone(v))
		}
		child, err := to.CreateBucket(bytes.Clone(k))
		if err != nil {
			return err
		}
		return copyBucket(from.Bucket(k), child)
	})
}
