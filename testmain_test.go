package main

import (
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

// The limit covers building the binary once with go build.
func TestMain(m *testing.M) { testmain.Run(m, 3*time.Minute) }
