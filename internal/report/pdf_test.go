package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// shown is the text a PDF's page content shows: every string of a Tj
// operator (fpdf writes one per line or run of one style), decoded as UTF-16
// (UTF-8 fonts) or Latin-1 (core fonts) and joined. The PDF must be
// uncompressed (pdfOptions.plain).
func shown(t *testing.T, pdf []byte, wide bool) string {
	t.Helper()
	var out strings.Builder
	for _, m := range regexp.MustCompile(`\(((?:\\.|[^\\)])*)\)\s*Tj`).FindAllSubmatch(pdf, -1) {
		raw := unescapePDF(m[1])
		if !wide {
			for _, b := range raw {
				out.WriteRune(rune(b))
			}
			continue
		}
		if len(raw)%2 != 0 {
			t.Fatalf("a UTF-16 string of odd length: %q", raw)
		}
		units := make([]uint16, len(raw)/2)
		for i := range units {
			units[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
		}
		out.WriteString(string(utf16.Decode(units)))
	}
	return out.String()
}

// unescapePDF undoes a PDF literal string's escapes (ISO 32000-1, 7.3.4.2).
func unescapePDF(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			out = append(out, s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		default:
			if c >= '0' && c <= '7' {
				j := i
				for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
					j++
				}
				v, _ := strconv.ParseUint(string(s[i:j]), 8, 8)
				out = append(out, byte(v))
				i = j - 1
			} else {
				out = append(out, c)
			}
		}
	}
	return out
}

// checkStructure checks the header, the trailer, and that startxref points
// at the cross-reference table; it returns the number of pages.
func checkStructure(t *testing.T, pdf []byte) int {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) {
		t.Fatalf("not a PDF: starts %q, ends %q", pdf[:min(len(pdf), 8)], pdf[max(0, len(pdf)-8):])
	}
	m := regexp.MustCompile(`trailer\s*<<[^>]*/Root \d+ 0 R[^>]*>>\s*startxref\s*(\d+)\s*%%EOF\s*$`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no trailer with a /Root and startxref at the end")
	}
	off, _ := strconv.Atoi(string(m[1]))
	if off <= 0 || off >= len(pdf) || !bytes.HasPrefix(pdf[off:], []byte("xref")) {
		t.Fatalf("startxref %d does not point at the xref table", off)
	}
	return len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(pdf, -1))
}

func TestPDFShowsTheReportInUnicode(t *testing.T) {
	t.Parallel()
	r := sampleReport(t, 3, 20)
	r.Candidate.Name = "Zoë Łukasiewicz"
	pdf, err := writePDF(r, pdfOptions{fontDir: FontDir, plain: true})
	if err != nil {
		t.Fatal(err)
	}
	pages := checkStructure(t, pdf)
	text := shown(t, pdf, true)
	if !bytes.Contains(pdf, []byte("/FontFile2")) {
		t.Fatalf("DejaVu Sans (fonts-dejavu-core) is not embedded; is it installed in %s?", FontDir)
	}
	line := r.Transcript[7]
	for _, want := range []string{"Zoë Łukasiewicz", "Summary", "Score", "2.0 / 5", "4.0 / 5",
		"Question 1: What does a goroutine cost? (1)", "runtime scheduler", "Knew the stack sizes.",
		"Asked good questions about the team.", line.Speaker + ": " + line.Text, "Interview ended",
		"InterviewDesk report · Zoë Łukasiewicz · 2026-12-01", fmt.Sprintf("Page 1 of %d", pages),
		fmt.Sprintf("Page %d of %d", pages, pages)} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not show %q", want)
		}
	}
	if pages < 2 || strings.Contains(text, pagesTag) {
		t.Errorf("%d pages; the page count must replace %s", pages, pagesTag)
	}
}

func TestPDFFallsBackToCoreFontsAndSaysSo(t *testing.T) {
	t.Parallel()
	r := sampleReport(t, 1, 5)
	r.Candidate.Name = "Zoë Łukasiewicz 李"
	r.Questions[0].AI.Answer = "Goroutines → cheap ✓"
	pdf, err := writePDF(r, pdfOptions{fontDir: t.TempDir(), plain: true})
	if err != nil {
		t.Fatal(err)
	}
	checkStructure(t, pdf)
	text := shown(t, pdf, false)
	for _, want := range []string{"Zo\u00eb Lukasiewicz ?", "Goroutines -> cheap +", "DejaVu Sans (fonts-dejavu-core) was not found"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not show %q", want)
		}
	}
}

func TestPDFTextSurvivesWhatFPDFCannotWrite(t *testing.T) {
	t.Parallel()
	r := sampleReport(t, 1, 5)
	r.Notes[0].Text = "line one\r\nline two\ttabbed \x07bell 🎉 (parens) back\\slash"
	pdf, err := writePDF(r, pdfOptions{fontDir: FontDir, plain: true})
	if err != nil {
		t.Fatal(err)
	}
	checkStructure(t, pdf)
	text := shown(t, pdf, true)
	for _, want := range []string{"line one", "line two tabbed bell \ufffd (parens) back\\slash"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not show %q", want)
		}
	}
}

func TestPDFIsTheSameForTheSameReport(t *testing.T) {
	t.Parallel()
	r := sampleReport(t, 2, 10)
	a, err1 := PDF(r)
	b, err2 := PDF(r)
	if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
		t.Errorf("two PDFs of one report differ (%v, %v)", err1, err2)
	}
}
