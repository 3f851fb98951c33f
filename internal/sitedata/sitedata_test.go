package sitedata

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestExportIsCurrent(t *testing.T) {
	want, err := Marshal(Build())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", Path))
	if err != nil {
		t.Fatalf("read export: %v (run `make generate`)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: the planner's values changed; run `make generate` and commit the result", Path)
	}
}
