// Command sitedata writes the planner's values to data/planner.json for the
// website's templates. Run it from the repository root (`make generate`).
package main

import (
	"log"
	"os"

	"github.com/entbackup/ent-backup-planner/internal/sitedata"
)

func main() {
	out, err := sitedata.Marshal(sitedata.Build())
	if err != nil {
		log.Fatalf("sitedata: encode: %v", err)
	}
	if err := os.WriteFile(sitedata.Path, out, 0o644); err != nil {
		log.Fatalf("sitedata: %v", err)
	}
}
