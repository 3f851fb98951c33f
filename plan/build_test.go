package plan

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestBuildFollowsWorkedExamples(t *testing.T) {
	t.Run("strong applicant applies broadly to ENT with a modest backup", func(t *testing.T) {
		plan := examplePlan(t, "strong", 2028)
		apps := plan.Applications
		if plan.Assessment.Tier != Tier1 {
			t.Fatalf("tier = %s, want Tier 1", plan.TierLabel)
		}
		if apps.ENTPrograms < 80 {
			t.Errorf("ENT programs = %d, want 80 or more", apps.ENTPrograms)
		}
		if apps.BackupPrograms > applicationRule(Tier1).Backup.Max || apps.BackupPrograms >= apps.ENTPrograms {
			t.Errorf("backup programs = %d, want a modest list well below the ENT list", apps.BackupPrograms)
		}
		if top := plan.Backups[0].Specialty; top != SpecialtyGS && top != SpecialtyIM {
			t.Errorf("top backup = %q, want General Surgery or Internal Medicine, as in the source guide", top)
		}
	})

	t.Run("moderate applicant is selective in ENT and broad in IM or FM", func(t *testing.T) {
		plan := examplePlan(t, "moderate", 2028)
		apps := plan.Applications
		if plan.Assessment.Tier != Tier2 {
			t.Fatalf("tier = %s, want Tier 2", plan.TierLabel)
		}
		if apps.ENTPrograms < 15 || apps.ENTPrograms > 30 {
			t.Errorf("ENT programs = %d, want a selective 15 to 30", apps.ENTPrograms)
		}
		if apps.BackupPrograms < 80 || apps.BackupPrograms > 120 {
			t.Errorf("backup programs = %d, want 80 to 120", apps.BackupPrograms)
		}
		if s := apps.BackupSpecialty; s != SpecialtyIM && s != SpecialtyFM {
			t.Errorf("backup = %q, want Internal Medicine or Family Medicine", s)
		}
	})

	t.Run("high-risk applicant sends most applications to an accessible backup", func(t *testing.T) {
		plan := examplePlan(t, "high-risk", 2028)
		apps := plan.Applications
		if plan.Assessment.Tier != Tier3 {
			t.Fatalf("tier = %s, want Tier 3", plan.TierLabel)
		}
		if apps.BackupPrograms <= 2*apps.ENTPrograms {
			t.Errorf("backup %d against ENT %d, want most applications in the backup", apps.BackupPrograms, apps.ENTPrograms)
		}
		if top := plan.Backups[0].Specialty; top != SpecialtyFM && top != SpecialtyPeds && top != SpecialtyIM {
			t.Errorf("top backup = %q, want Family Medicine, Pediatrics or Internal Medicine", top)
		}
		if plan.MoveUp.Reachable {
			t.Errorf("move-up options %v for a Step 2 CK of 220 with a failure, want none", plan.MoveUp.Options)
		}
	})
}

func TestBuildDefaultsMatchYear(t *testing.T) {
	p := upperTier2Profile()
	p.MatchYear = 0
	plan := Build(p, testToday)
	if want := DefaultMatchYear(testToday); plan.MatchYear != want || plan.Timeline.MatchYear != want {
		t.Errorf("match year = %d, timeline %d; want %d", plan.MatchYear, plan.Timeline.MatchYear, want)
	}
}

func TestBuildClampsOutOfRangeValues(t *testing.T) {
	p := Profile{
		Step2: 999, Failures: -1, ENTRotations: 99, Letters: Letters{ENTUS: -5, Other: 99},
		ENTResearch: -1, GradYear: 3000, MatchYear: 2028, Visa: 9, Step3: 7,
		Interests: Interests{Surgery: 9, Children: -2}, Budget: -50,
	}
	plan := Build(p, testToday)
	got := plan.Profile
	if got.Step2 != MaxStep2 || got.Failures != 0 || got.ENTRotations != MaxENTRotations || got.Letters.ENTUS != 0 ||
		got.Letters.Other != MaxLetters || got.GradYear != 2028 || got.Visa != VisaH1B || got.Step3 != Step3None ||
		got.Interests.Surgery != MaxInterest || got.Interests.Children != 0 || got.Budget != NoBudget {
		t.Errorf("clamped profile = %+v", got)
	}
}

// randomProfile draws a profile whose values sit at or near the edges of
// each range and threshold as often as anywhere else.
func randomProfile(r *rand.Rand, today time.Time) Profile {
	pick := func(values ...int) int { return values[r.IntN(len(values))] }
	count := func(max, threshold int) int {
		return pick(0, 1, threshold-1, threshold, threshold+1, max, r.IntN(max+1))
	}
	matchYear := today.Year() + r.IntN(MatchYearsAhead+1)
	p := Profile{
		Step2:            pick(0, MinStep2, Step2Fair-1, Step2Fair, Step2Strong-1, Step2Strong, MaxStep2, 200+r.IntN(80)),
		Failures:         pick(0, 0, 1, MajorFailures, MaxFailures),
		Step3:            Step3Status(r.IntN(2)),
		ENTRotations:     count(MaxENTRotations, StrongENTRotations),
		ENTObserverships: count(MaxENTRotations, 1),
		USRotations:      count(MaxUSRotations, 1),
		Letters: Letters{
			ENTUS: count(MaxLetters, StrongENTLettersUS), ENTIntl: count(MaxLetters, 1), Surgery: count(MaxLetters, 1),
			IM: count(MaxLetters, 2), FM: count(MaxLetters, 2), Peds: count(MaxLetters, 2), Neuro: count(MaxLetters, 2),
			EM: count(MaxLetters, 2), Other: count(MaxLetters, 1),
		},
		ENTResearch:   count(MaxResearch, StrongENTResearch),
		OtherResearch: count(MaxResearch, 1),
		ResearchYear:  r.IntN(2) == 1,
		GradYear: pick(0, MinGradYear, matchYear, matchYear-RecentGraduationYears, matchYear-RecentGraduationYears-1,
			matchYear-FairGraduationYears, matchYear-FairGraduationYears-1, matchYear-r.IntN(15)),
		MatchYear: matchYear,
		Visa:      Visa(r.IntN(3)),
		Interests: Interests{
			Surgery: r.IntN(MaxInterest + 1), Children: r.IntN(MaxInterest + 1), Diagnosis: r.IntN(MaxInterest + 1),
			Acute: r.IntN(MaxInterest + 1), Neuro: r.IntN(MaxInterest + 1), Lifestyle: r.IntN(MaxInterest + 1),
		},
		Budget: pick(NoBudget, 0, 1, 2254, 2255, 3000, 5000, MaxBudget, r.IntN(8000)),
	}
	return p
}

func TestBuildProperties(t *testing.T) {
	const profiles = 5000
	r := rand.New(rand.NewPCG(2026, 3))
	start := date(2026, time.January, 1)
	allowedChanges := []ChangeKind{ChangeENTRotations, ChangeENTLettersUS, ChangeENTResearch, ChangeStep3, ChangeStep2Target}

	for i := range profiles {
		today := start.AddDate(0, 0, r.IntN(730))
		p := randomProfile(r, today)
		plan := Build(p, today)
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("profile %d (%+v, today %s): "+format, append([]any{i, p, today.Format(time.DateOnly)}, args...)...)
		}

		apps, cost := plan.Applications, plan.Cost
		if apps.ENTPrograms < 0 || apps.BackupPrograms < 0 || apps.EstimatedRanks < 0 {
			fail("negative counts: ENT %d, backup %d, ranks %d", apps.ENTPrograms, apps.BackupPrograms, apps.EstimatedRanks)
		}
		if apps.ENTPrograms > apps.ENTRecommended || apps.BackupPrograms > apps.BackupRecommended {
			fail("budget raised a count: ENT %d of %d, backup %d of %d", apps.ENTPrograms, apps.ENTRecommended, apps.BackupPrograms, apps.BackupRecommended)
		}
		if apps.ENTPrograms < apps.Rule.ENT.Floor || apps.BackupPrograms < apps.Rule.Backup.Floor {
			fail("count below its floor: ENT %d, backup %d", apps.ENTPrograms, apps.BackupPrograms)
		}

		sum := 0
		for _, it := range cost.Items {
			if it.Amount <= 0 || it.Label == "" || it.Source == "" {
				fail("cost item %+v lacks an amount, label or source", it)
			}
			sum += it.Amount
		}
		if sum != cost.Total {
			fail("cost items add to $%d, total is $%d", sum, cost.Total)
		}
		switch b := cost.Budget; {
		case !plan.Profile.HasBudget():
			if b.Status != BudgetUnlimited {
				fail("no budget, status %q", b.Status)
			}
		case b.Status == BudgetShortfall:
			if b.Shortfall <= 0 || b.Shortfall != cost.Total-plan.Profile.Budget {
				fail("shortfall $%d for total $%d and budget $%d", b.Shortfall, cost.Total, plan.Profile.Budget)
			}
			if apps.ENTPrograms != apps.Rule.ENT.Floor || apps.BackupPrograms != apps.Rule.Backup.Floor {
				fail("shortfall reported above the floors: ENT %d, backup %d", apps.ENTPrograms, apps.BackupPrograms)
			}
		case cost.Total > plan.Profile.Budget:
			fail("total $%d over budget $%d with status %q", cost.Total, plan.Profile.Budget, b.Status)
		}
		if cost.Budget.Message == "" {
			fail("budget message is empty")
		}

		if len(plan.Backups) != len(backupSpecialties) {
			fail("%d backups ranked", len(plan.Backups))
		}
		if a, b, c := plan.Backups[0].Specialty, plan.Backups[1].Specialty, plan.Backups[2].Specialty; a == b || b == c || a == c {
			fail("top three backups not distinct: %s, %s, %s", a, b, c)
		}
		if apps.BackupSpecialty != plan.Backups[0].Specialty {
			fail("applies to %s, top backup is %s", apps.BackupSpecialty, plan.Backups[0].Specialty)
		}

		for _, o := range plan.MoveUp.Options {
			for _, c := range o.Changes {
				if !slices.Contains(allowedChanges, c.Kind) {
					fail("move-up suggests %q", c.Kind)
				}
				if c.Kind == ChangeStep3 && p.Step3 == Step3Passed {
					fail("move-up suggests Step 3, already passed")
				}
				if c.Kind == ChangeStep2Target && !p.Step2Pending() {
					fail("move-up suggests a Step 2 CK score, already taken")
				}
			}
			reached := Assess(applyMove(plan.Profile, vectorOf(o))).Tier
			if reached > plan.MoveUp.Target {
				fail("option %v reaches %s, not %s", optionKinds(o), reached, plan.MoveUp.Target)
			}
		}
		if m := plan.MoveUp; m.Target != 0 && !m.Reachable && len(m.Fixed) == 0 {
			fail("no way to %s, and no reason given", m.Target)
		}
		for i, x := range plan.MoveUp.Options {
			for j, y := range plan.MoveUp.Options {
				if i != j && dominatedBy(vectorOf(x), vectorOf(y)) {
					fail("option %v is a superset of %v", optionKinds(y), optionKinds(x))
				}
			}
		}

		items := plan.Timeline.Items
		for k := 1; k < len(items); k++ {
			if items[k].Date.Before(items[k-1].Date) {
				fail("timeline out of order at %s", items[k].ID)
			}
		}
		if last := items[len(items)-1]; last.ID != "match_day" || !last.Date.Equal(MatchDay(plan.MatchYear)) {
			fail("timeline ends with %s on %s", last.ID, last.Date.Format(time.DateOnly))
		}

		for _, a := range plan.Letters.Assignments {
			if a.Total > MaxLettersPerProgram {
				fail("%s programs get %d letters", a.Specialty, a.Total)
			}
		}
		if len(plan.Outcomes) != 3 {
			fail("%d outcomes", len(plan.Outcomes))
		}
	}
}

// vectorOf turns an option's changes back into a move vector.
func vectorOf(o MoveUpOption) moveVector {
	var v moveVector
	for _, c := range o.Changes {
		i := slices.Index(moveUpKinds[:], c.Kind)
		v[i] = c.Amount
		if c.Kind == ChangeStep2Target {
			v[i] = 1
		}
	}
	return v
}

func TestPlanJSONFieldsAreTagged(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var check func(t *testing.T, typ reflect.Type)
	check = func(t *testing.T, typ reflect.Type) {
		for typ.Kind() == reflect.Slice || typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Array {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] || typ.PkgPath() != reflect.TypeFor[Plan]().PkgPath() {
			return
		}
		seen[typ] = true
		for field := range typ.Fields() {
			if !field.IsExported() {
				continue
			}
			tag, ok := field.Tag.Lookup("json")
			name, _, _ := strings.Cut(tag, ",")
			if !ok || name == "" {
				t.Errorf("%s.%s has no json name", typ.Name(), field.Name)
			}
			if tag != "-" {
				check(t, field.Type)
			}
		}
	}
	check(t, reflect.TypeFor[Plan]())
	for _, typ := range []reflect.Type{reflect.TypeFor[Rule](), reflect.TypeFor[FeeSchedule](), reflect.TypeFor[SpecialtyFigures](),
		reflect.TypeFor[ApplicationRule](), reflect.TypeFor[SeasonDate]()} {
		check(t, typ)
	}
}

func BenchmarkBuild(b *testing.B) {
	p, errs := ParseProfile(Examples[1].ValuesFor(2028), testToday)
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	p.Budget = 2500
	b.ReportAllocs()
	for b.Loop() {
		Build(p, testToday)
	}
}
