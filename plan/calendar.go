package plan

import "time"

// MatchDay returns Match Day of the given year's Main Residency Match. The
// 2026 date, March 20, is published by NRMP (residency program welcome
// newsletter, April 2025). Match Day falls on the third Friday of March in
// 2025 and 2026; other years use that pattern and are approximate.
func MatchDay(year int) time.Time {
	first := time.Date(year, time.March, 1, 0, 0, 0, 0, time.UTC)
	toFriday := (int(time.Friday) - int(first.Weekday()) + 7) % 7
	return first.AddDate(0, 0, toFriday+14)
}
