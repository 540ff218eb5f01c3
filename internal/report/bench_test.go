package report

import (
	"testing"
	"time"
)

// BenchmarkReportExport writes the report of a 12-question interview with a
// 45-minute transcript (a line every 5 s) as HTML and as PDF.
func BenchmarkReportExport(b *testing.B) {
	r := sampleReport(b, 12, 45)
	var htmlTime, pdfTime time.Duration
	var htmlBytes, pdfBytes int
	for b.Loop() {
		start := time.Now()
		page, err := HTML(r)
		if err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		doc, err := PDF(r)
		if err != nil {
			b.Fatal(err)
		}
		htmlTime, pdfTime = htmlTime+mid.Sub(start), pdfTime+time.Since(mid)
		htmlBytes, pdfBytes = len(page), len(doc)
	}
	n := float64(b.N)
	b.ReportMetric(float64(htmlTime.Microseconds())/1000/n, "ms/html")
	b.ReportMetric(float64(pdfTime.Microseconds())/1000/n, "ms/pdf")
	b.ReportMetric(float64(htmlBytes)/1024, "KiB/html")
	b.ReportMetric(float64(pdfBytes)/1024, "KiB/pdf")
	b.ReportMetric(float64(len(r.Transcript)), "transcript-lines")
}
