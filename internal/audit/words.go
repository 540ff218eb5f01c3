package audit

import "fmt"

// SizeText writes a size as the log's texts (and the CLI) do: "0 B",
// "12 KB", "3.4 MB".
func SizeText(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	f, suffix := float64(n), []string{"KB", "MB", "GB", "TB"}
	i := -1
	for f >= unit && i < len(suffix)-1 {
		f /= unit
		i++
	}
	if f < 10 {
		return fmt.Sprintf("%.1f %s", f, suffix[i])
	}
	return fmt.Sprintf("%.0f %s", f, suffix[i])
}
