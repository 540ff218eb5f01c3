package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryPackageReachesBucketsThroughBucket: since the team buckets moved
// under teams/<team>/ (migration 11), calling tx.Bucket with a store bucket finds no team
// bucket; code outside this package must use store.BucketOf(tx, ...).
func TestEveryPackageReachesBucketsThroughBucket(t *testing.T) {
	direct := regexp.MustCompile(`(\w+)\.Bucket\(store\.Bucket\w+\)`)
	const root = "../.."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range direct.FindAllSubmatch(src, -1) {
			if string(m[1]) != "store" {
				t.Errorf("%s: %s; use store.BucketOf(tx, …) (team buckets live under teams/<team>/)", path, m[0])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
