package plan

import (
	"strings"
	"testing"
	"time"
)

// testToday is the day most tests plan on: early in the 2028 season, so
// every date of the 2028 Match is still ahead.
var testToday = time.Date(2026, time.December, 4, 0, 0, 0, 0, time.UTC)

// upperTier2Profile is an upper Tier 2 profile for the 2028 Match: strong Step 2 CK,
// one US ENT rotation and one US ENT letter (both fair), no weak factor, and
// a clear interest in diagnosis, so Internal Medicine ranks first.
func upperTier2Profile() Profile {
	return Profile{
		Step2: 255, ENTRotations: 1, Letters: Letters{ENTUS: 1, Surgery: 1, IM: 2, Other: 1},
		OtherResearch: 1, GradYear: 2026, MatchYear: 2028, Visa: VisaJ1,
		Interests: Interests{Surgery: 1, Children: 1, Diagnosis: 3, Acute: 1, Neuro: 1, Lifestyle: 1},
		Budget:    NoBudget,
	}
}

// tier1Profile is a Tier 1 profile for the 2028 Match that ranks Internal Medicine first.
func tier1Profile() Profile {
	p := upperTier2Profile()
	p.ENTRotations = 2
	p.Letters.ENTUS = 3
	p.ENTResearch = 2
	return p
}

// tier3Profile is a Tier 3 profile for the 2028 Match: a Step 2 CK below 235.
func tier3Profile() Profile {
	p := upperTier2Profile()
	p.Step2 = 225
	p.Interests.Lifestyle = 3
	p.Interests.Diagnosis = 1
	return p
}

// examplePlan builds the plan of one of the source guide's worked examples.
func examplePlan(t *testing.T, id string, matchYear int) Plan {
	t.Helper()
	for _, ex := range Examples {
		if ex.ID != id {
			continue
		}
		p, errs := ParseProfile(ex.ValuesFor(matchYear), testToday)
		if len(errs) > 0 {
			t.Fatalf("example %s: ParseProfile: %v", id, errs[0])
		}
		return Build(p, testToday)
	}
	t.Fatalf("example %q not found", id)
	return Plan{}
}

// costItem returns the plan's cost item with the given ID.
func costItem(c Cost, id string) (CostItem, bool) {
	for _, it := range c.Items {
		if it.ID == id {
			return it, true
		}
	}
	return CostItem{}, false
}

// containsText reports whether any of the texts contains want.
func containsText(texts []string, want string) bool {
	for _, s := range texts {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}
