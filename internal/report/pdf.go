package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// FontDir is where Debian's fonts-dejavu-core puts DejaVu Sans, the PDF's
// font; without it the PDF falls back to the core fonts (Windows-1252 only).
const FontDir = "/usr/share/fonts/truetype/dejavu"

// pdfOptions tune writePDF; PDF uses the defaults.
type pdfOptions struct {
	fontDir string
	// plain leaves the PDF's streams uncompressed, for reading in tests.
	plain bool
}

// PDF writes r as an A4 PDF: the summary and scores, each question's block,
// the notes, the transcript and the timeline, with page numbers and a footer
// naming the candidate and the date.
func PDF(r Report) ([]byte, error) {
	return writePDF(r, pdfOptions{fontDir: FontDir})
}

func writePDF(r Report, o pdfOptions) ([]byte, error) {
	d, err := newPDFDoc(r, o)
	if err != nil {
		return nil, err
	}
	d.title()
	d.summary()
	d.score()
	d.questions()
	d.notes()
	d.transcript()
	d.timeline()
	d.about()
	var buf bytes.Buffer
	if err := d.f.Output(&buf); err != nil {
		return nil, fmt.Errorf("write the PDF report of interview %s: %w", r.InterviewID, err)
	}
	return buf.Bytes(), nil
}

// Layout, in millimetres and points.
const (
	margin    = 18.0
	lineH     = 5.0
	bodySize  = 10.0
	smallSize = 8.5
	pagesTag  = "{#pages#}"
)

// Colours.
var (
	inkText   = [3]int{31, 35, 40}
	inkMuted  = [3]int{89, 99, 110}
	inkAccent = [3]int{11, 92, 173}
	inkLine   = [3]int{209, 217, 224}
)

type pdfDoc struct {
	f    *fpdf.Fpdf
	r    Report
	loc  *time.Location
	font string
	// text fits a string to the font: every character DejaVu Sans can
	// take, or a Windows-1252 transliteration for the core fonts.
	text func(string) string
	// fontNote says which font wrote the text, for "About this report".
	fontNote string
	width    float64
}

func newPDFDoc(r Report, o pdfOptions) (*pdfDoc, error) {
	f := fpdf.New("P", "mm", "A4", "")
	d := &pdfDoc{f: f, r: r, loc: r.Location()}
	d.useFonts(o.fontDir)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("PDF fonts: %w", err)
	}
	w, _ := f.GetPageSize()
	d.width = w - 2*margin
	f.SetCompression(!o.plain)
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(true, margin)
	f.AliasNbPages(pagesTag)
	f.SetCatalogSort(true)
	stamp := r.EndedAt
	if stamp.IsZero() {
		stamp = r.When()
	}
	f.SetCreationDate(stamp)
	f.SetModificationDate(stamp)
	utf8 := d.font != "Helvetica"
	f.SetTitle(d.text("Interview report: "+r.Candidate.Name+" – "+r.Position), utf8)
	f.SetCreator("InterviewDesk", false)
	f.SetProducer("InterviewDesk", false)
	f.SetFooterFunc(d.footer)
	f.AddPage()
	return d, nil
}

// useFonts loads DejaVu Sans (regular and bold) from dir, or falls back to
// Helvetica with a Windows-1252 transliteration.
func (d *pdfDoc) useFonts(dir string) {
	regular, err1 := os.ReadFile(filepath.Join(dir, "DejaVuSans.ttf"))
	bold, err2 := os.ReadFile(filepath.Join(dir, "DejaVuSans-Bold.ttf"))
	if err1 == nil && err2 == nil {
		d.font, d.text = "DejaVu", unicodeText
		d.f.AddUTF8FontFromBytes(d.font, "", regular)
		d.f.AddUTF8FontFromBytes(d.font, "B", bold)
		d.fontNote = "Text is set in DejaVu Sans."
		return
	}
	d.font = "Helvetica"
	d.text = latinText(d.f.UnicodeTranslatorFromDescriptor("cp1252"))
	d.fontNote = "DejaVu Sans (fonts-dejavu-core) was not found, so the PDF core fonts wrote this text: " +
		"letters outside Windows-1252 lost their accents or show as \"?\". The HTML report keeps every character."
}

func (d *pdfDoc) ink(c [3]int)                   { d.f.SetTextColor(c[0], c[1], c[2]) }
func (d *pdfDoc) use(style string, size float64) { d.f.SetFont(d.font, style, size) }

func (d *pdfDoc) footer() {
	f := d.f
	f.SetY(-12)
	d.use("", smallSize)
	d.ink(inkMuted)
	half := d.width / 2
	f.CellFormat(half, 4, d.text("InterviewDesk report · "+d.r.Candidate.Name+" · "+d.r.Date()), "", 0, "L", false, 0, "")
	f.CellFormat(half, 4, fmt.Sprintf("Page %d of %s", f.PageNo(), pagesTag), "", 0, "R", false, 0, "")
	d.ink(inkText)
}

// heading starts a section, with an outline entry.
func (d *pdfDoc) heading(title string) {
	f := d.f
	d.room(22)
	f.Ln(4)
	d.use("B", 14)
	d.ink(inkAccent)
	f.Bookmark(d.text(title), 0, -1)
	f.CellFormat(d.width, 8, d.text(title), "", 1, "L", false, 0, "")
	x, y := f.GetX(), f.GetY()
	f.SetDrawColor(inkLine[0], inkLine[1], inkLine[2])
	f.Line(x, y, x+d.width, y)
	f.Ln(2)
	d.ink(inkText)
}

// room starts a new page unless h millimetres are left on this one.
func (d *pdfDoc) room(h float64) {
	_, pageH := d.f.GetPageSize()
	if d.f.GetY()+h > pageH-margin {
		d.f.AddPage()
	}
}

// para writes wrapped text in style and size.
func (d *pdfDoc) para(style string, size float64, s string) {
	d.use(style, size)
	d.f.MultiCell(d.width, size*0.5, d.text(s), "", "L", false)
}

// labelled writes "Label: text" with the label in bold, wrapped.
func (d *pdfDoc) labelled(label, s string) {
	d.use("B", bodySize)
	d.f.Write(lineH, d.text(label+": "))
	d.use("", bodySize)
	d.f.Write(lineH, d.text(s))
	d.f.Ln(lineH)
}

// bullets writes one wrapped, indented item per entry after an optional label.
func (d *pdfDoc) bullets(label string, items []string) {
	if len(items) == 0 {
		return
	}
	if label != "" {
		d.para("B", bodySize, label)
	}
	d.use("", bodySize)
	for _, it := range items {
		d.room(lineH)
		d.f.CellFormat(5, lineH, "•", "", 0, "R", false, 0, "")
		d.f.MultiCell(d.width-5, lineH, d.text(" "+it), "", "L", false)
	}
}

func (d *pdfDoc) title() {
	r := d.r
	d.use("B", 20)
	d.f.MultiCell(d.width, 9, d.text(r.Candidate.Name), "", "L", false)
	d.ink(inkMuted)
	d.para("", 12, r.Position+" · interview report · "+r.Date())
	d.ink(inkText)
	d.f.Ln(2)
	for _, n := range r.Notices {
		d.f.SetFillColor(255, 248, 197)
		d.use("", bodySize)
		d.f.MultiCell(d.width, lineH+1, d.text(n), "1", "L", true)
		d.f.Ln(1)
	}
}

func (d *pdfDoc) summary() {
	r := d.r
	d.heading("Summary")
	who := r.Candidate.Name
	if r.Candidate.Email != "" {
		who += " <" + r.Candidate.Email + ">"
	}
	d.labelled("Candidate", who)
	d.labelled("Position", r.Position)
	if r.Campaign != "" {
		d.labelled("Campaign", r.Campaign)
	}
	if r.Template != "" {
		d.labelled("Template", r.Template)
	}
	d.labelled("Date", longTime(r.When(), d.loc))
	d.labelled("Duration", r.Lasted())
	names := make([]string, 0, len(r.Interviewers))
	for _, p := range r.Interviewers {
		names = append(names, p.Name)
	}
	d.labelled("Interviewers", strings.Join(names, ", "))
	if len(r.TalkTime) > 0 {
		d.labelled("Talk time", talkText(r.TalkTime))
	}
}

func (d *pdfDoc) score() {
	r := d.r
	d.heading("Score")
	half := d.width / 2
	d.use("B", 22)
	d.ink(inkAccent)
	ai, rating := "–", "–"
	if r.Score.AI != nil {
		ai = num(r.Score.AI) + fmt.Sprintf(" / %g", r.Score.Scale)
	}
	if r.Score.Rating != nil {
		rating = num(r.Score.Rating) + " / 5"
	}
	d.f.CellFormat(half, 11, ai, "", 0, "L", false, 0, "")
	d.f.CellFormat(half, 11, rating, "", 1, "L", false, 0, "")
	d.ink(inkMuted)
	d.use("", smallSize+0.5)
	d.f.CellFormat(half, 4.5, d.text(aiLabel(r)), "", 0, "L", false, 0, "")
	d.f.CellFormat(half, 4.5, d.text(ratingLabel(r)), "", 1, "L", false, 0, "")
	d.ink(inkText)
	d.f.Ln(3)
	d.bullets("Strengths", r.Strengths)
	d.bullets("Concerns", r.Concerns)
}

func aiLabel(r Report) string {
	switch {
	case r.Score.AI != nil:
		s := fmt.Sprintf("AI score, mean of %s", plural(r.Score.Answered, "answer"))
		if r.Score.Overridden > 0 {
			s += fmt.Sprintf(" (%d overridden)", r.Score.Overridden)
		}
		return s
	case r.Declined:
		return "AI score: declined by the candidate"
	}
	return "AI score: none"
}

func ratingLabel(r Report) string {
	if r.Score.Rating == nil {
		return "Interviewers' rating: none given"
	}
	return "Interviewers' rating, mean of " + plural(r.Score.Rated, "rated answer")
}

func (d *pdfDoc) questions() {
	d.heading("Questions")
	if len(d.r.Questions) == 0 {
		d.para("", bodySize, "This interview had no technical questions.")
	}
	for _, q := range d.r.Questions {
		d.question(q)
	}
}

func (d *pdfDoc) question(q Question) {
	d.room(30)
	d.f.Ln(2)
	d.para("B", 11, fmt.Sprintf("Question %d: %s", q.Number, q.Text))
	d.ink(inkMuted)
	d.para("", smallSize+0.5, questionTags(q))
	d.ink(inkText)
	if q.ExpectedAnswer != "" {
		d.labelled("Expected answer", q.ExpectedAnswer)
	}
	d.bullets("Key points", q.KeyPoints)
	if a := q.AI; a != nil {
		d.labelled("The candidate's answer (transcribed)", cmpText(a.Answer, "no words were transcribed"))
		ai := "score " + num(a.Score) + " / 5"
		if a.Comment != "" {
			ai += " — " + a.Comment
		}
		d.labelled("AI analysis", ai)
		if o := a.Override; o != nil {
			d.labelled("Override", overrideText(o.Score, o.By, o.Reason, o.At, d.loc))
		}
		covered := make([]string, 0, len(a.Covered))
		for _, p := range a.Covered {
			covered = append(covered, pointText(p.Text, p.Evidence))
		}
		d.bullets("Covered", covered)
		missed := make([]string, 0, len(a.Missed))
		for _, p := range a.Missed {
			missed = append(missed, p.Text)
		}
		d.bullets("Missed", missed)
	}
	if q.Rating > 0 || q.Comment != "" {
		s := q.Comment
		if q.Rating > 0 {
			s = strings.TrimSpace(fmt.Sprintf("rated %d / 5. %s", q.Rating, q.Comment))
		}
		d.labelled("Interviewer", s)
	}
	if len(q.TalkTime) > 0 {
		d.labelled("Talk time", talkText(q.TalkTime))
	}
	x, y := d.f.GetX(), d.f.GetY()+1.5
	d.f.SetDrawColor(inkLine[0], inkLine[1], inkLine[2])
	d.f.Line(x, y, x+d.width, y)
	d.f.Ln(2)
}

func questionTags(q Question) string {
	var tags []string
	if !q.Asked {
		tags = append(tags, "not asked")
	} else {
		tags = append(tags, "on screen "+Span(q.OnScreenMs))
	}
	if q.Skipped {
		tags = append(tags, "skipped")
	}
	if q.Rephrased {
		tags = append(tags, "rephrased question shown")
	}
	if q.Score != nil {
		tags = append(tags, "score "+num(q.Score)+" / 5")
	}
	if q.Rating > 0 {
		tags = append(tags, fmt.Sprintf("rated %d / 5", q.Rating))
	}
	return strings.Join(tags, " · ")
}

func overrideText(score float64, by, reason string, at time.Time, loc *time.Location) string {
	s := num(score) + " / 5 by " + cmpText(by, "an interviewer")
	if !at.IsZero() {
		s += " on " + longTime(at, loc)
	}
	if reason != "" {
		s += ": “" + reason + "”"
	}
	return s
}

func pointText(text, evidence string) string {
	if evidence == "" {
		return text
	}
	return text + " — “" + evidence + "”"
}

func cmpText(s, otherwise string) string {
	if strings.TrimSpace(s) == "" {
		return otherwise
	}
	return s
}

func (d *pdfDoc) notes() {
	d.heading("Notes")
	if len(d.r.Notes) == 0 {
		d.para("", bodySize, "No notes were written.")
	}
	for _, n := range d.r.Notes {
		d.room(15)
		head := n.Author
		if !n.SavedAt.IsZero() {
			head += " · saved " + n.SavedAt.In(d.loc).Format("15:04")
		}
		d.para("B", bodySize, head)
		d.para("", bodySize, n.Text)
		d.f.Ln(2)
	}
}

func (d *pdfDoc) transcript() {
	d.heading("Transcript")
	if len(d.r.Transcript) == 0 {
		msg := "There is no transcript."
		if d.r.Declined {
			msg = "The candidate declined AI analysis: no transcript was made."
		}
		d.para("", bodySize, msg)
		return
	}
	current := -1
	for _, l := range d.r.Transcript {
		if l.Question != nil && *l.Question != current {
			current = *l.Question
			d.room(12)
			d.ink(inkAccent)
			d.para("B", smallSize+0.5, fmt.Sprintf("Question %d", current+1))
			d.ink(inkText)
		}
		d.line(Offset(l.OffsetMs), l.Speaker+": ", l.Text)
	}
}

// line writes a muted time column and, beside it, a bold lead and text
// wrapped under each other.
func (d *pdfDoc) line(at, lead, s string) {
	const col = 16.0
	f := d.f
	d.room(4.5)
	d.use("", smallSize+0.5)
	d.ink(inkMuted)
	f.CellFormat(col, 4.5, at, "", 0, "L", false, 0, "")
	d.ink(inkText)
	f.SetLeftMargin(margin + col)
	if lead != "" {
		d.use("B", smallSize+0.5)
		f.Write(4.5, d.text(lead))
		d.use("", smallSize+0.5)
	}
	f.Write(4.5, d.text(s))
	f.SetLeftMargin(margin)
	f.Ln(4.5)
}

func (d *pdfDoc) timeline() {
	d.heading("Timeline")
	if len(d.r.Timeline) == 0 {
		d.para("", bodySize, "Nothing was recorded in the room.")
	}
	for _, e := range d.r.Timeline {
		d.line(e.At.In(d.loc).Format("15:04"), "", e.Text)
	}
}

func (d *pdfDoc) about() {
	r := d.r
	d.heading("About this report")
	if e := r.Engines; e != nil {
		tr := e.Transcription
		if e.TranscriptionQuality != "" {
			tr += " — " + e.TranscriptionQuality
		}
		d.labelled("Transcription", tr)
		d.labelled("Scoring", e.Scoring)
	} else if r.Declined {
		d.para("", bodySize, "The candidate declined AI analysis, so no engine ran.")
	} else {
		d.para("", bodySize, "No analysis engine has run on this interview.")
	}
	d.para("", bodySize, "AI scores are on a scale of 0 to 5 and come with the evidence they rest on; an interviewer's "+
		"override replaces the AI's score of that answer. Interviewers' ratings are their own, from 1 to 5. "+
		"Times are in "+r.TimeZone+".")
	d.para("", bodySize, "This report is for the hiring team: it includes expected answers, ratings and notes the candidate never saw.")
	d.ink(inkMuted)
	d.para("", smallSize, d.fontNote)
	d.ink(inkText)
}
