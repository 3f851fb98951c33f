package plan

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// optionKinds writes an option's changes as "kind+amount" strings.
func optionKinds(o MoveUpOption) []string {
	var out []string
	for _, c := range o.Changes {
		out = append(out, string(c.Kind)+"+"+itoa(c.Amount))
	}
	return out
}

func TestMoveUpOptions(t *testing.T) {
	noENT := upperTier2Profile()
	noENT.Step2 = 240
	noENT.ENTRotations, noENT.Letters.ENTUS, noENT.OtherResearch = 0, 0, 0
	pendingWithFailure := upperTier2Profile()
	pendingWithFailure.Step2, pendingWithFailure.Failures = 0, 1
	pendingTier2 := upperTier2Profile()
	pendingTier2.Step2 = 0
	researchYear := noENT
	researchYear.ResearchYear = true

	tests := []struct {
		name string
		p    Profile
		from Tier
		want [][]string
	}{
		{
			name: "upper tier 2 needs both a rotation and a US ENT letter",
			p:    upperTier2Profile(), from: Tier2,
			want: [][]string{{"ent_rotations+1", "letters_ent_us+1"}},
		},
		{
			name: "three weak factors: any two fixed reach tier 2",
			p:    noENT, from: Tier3,
			want: [][]string{
				{"ent_rotations+1", "letters_ent_us+1"},
				{"ent_rotations+1", "ent_research+1"},
				{"letters_ent_us+1", "ent_research+1"},
			},
		},
		{
			name: "a research year makes research fair, leaving two weak factors",
			p:    researchYear, from: Tier3,
			want: [][]string{{"ent_rotations+1"}, {"letters_ent_us+1"}},
		},
		{
			name: "pending Step 2 CK with one failure needs a strong score",
			p:    pendingWithFailure, from: Tier3,
			want: [][]string{{"step2+250"}},
		},
		{
			name: "pending Step 2 CK in tier 2 needs a strong score and ENT strength",
			p:    pendingTier2, from: Tier2,
			want: [][]string{{"step2+250", "ent_rotations+1", "letters_ent_us+1"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(tt.p)
			if a.Tier != tt.from {
				t.Fatalf("profile is %s, want %s", a.Label(), tt.from)
			}
			m := moveUp(tt.p, a)
			if !m.Reachable || m.Target != tt.from-1 {
				t.Fatalf("reachable = %v, target = %d; want reachable %s", m.Reachable, m.Target, (tt.from - 1).String())
			}
			var got [][]string
			for _, o := range m.Options {
				got = append(got, optionKinds(o))
				if !strings.HasPrefix(o.Result, (tt.from - 1).String()) {
					t.Errorf("option %v reaches %q", optionKinds(o), o.Result)
				}
				for _, c := range o.Changes {
					if c.Step == "" || !strings.HasSuffix(c.Step, ".") {
						t.Errorf("change %s has step %q, want a sentence", c.Kind, c.Step)
					}
				}
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("options = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMoveUpUnreachable(t *testing.T) {
	lowScore := upperTier2Profile()
	lowScore.Step2 = 238
	twoFailures := upperTier2Profile()
	twoFailures.Failures = 2
	oldH1B := upperTier2Profile()
	oldH1B.GradYear, oldH1B.Visa = oldH1B.MatchYear-7, VisaH1B
	h1bTier2 := upperTier2Profile()
	h1bTier2.Visa = VisaH1B

	tests := []struct {
		name      string
		p         Profile
		wantFixed string
	}{
		{"Step 2 CK 238 cannot reach tier 1", lowScore, "Your Step 2 CK of 238 is below the 250"},
		{"two failures cannot leave tier 3", twoFailures, "2 failed USMLE attempts stay on your record"},
		{"old graduation with H-1B cannot leave tier 3", oldH1B, "two weak factors keep you in Tier 3"},
		{"H-1B need cannot reach tier 1", h1bTier2, "Needing an H-1B visa counts as a weak factor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := moveUp(tt.p, Assess(tt.p))
			if m.Reachable || len(m.Options) > 0 {
				t.Errorf("reachable = %v with %d options, want none", m.Reachable, len(m.Options))
			}
			if !strings.HasPrefix(m.Message, "No change the planner can suggest reaches") {
				t.Errorf("message = %q, want an honest no", m.Message)
			}
			if !containsText(m.Fixed, tt.wantFixed) {
				t.Errorf("fixed = %q, want one containing %q", m.Fixed, tt.wantFixed)
			}
		})
	}
}

func TestMoveUpTier1HasNothingToDo(t *testing.T) {
	m := moveUp(tier1Profile(), Assess(tier1Profile()))
	if m.Target != 0 || m.Reachable || len(m.Options) > 0 {
		t.Errorf("target %d, reachable %v, %d options; want none for tier 1", m.Target, m.Reachable, len(m.Options))
	}
}

func TestMoveUpNeverSuggestsWhatCannotChange(t *testing.T) {
	passedAll := upperTier2Profile()
	passedAll.Step3 = Step3Passed
	limits := moveLimits(passedAll)
	for i, kind := range moveUpKinds {
		if (kind == ChangeStep2Target || kind == ChangeStep3) && limits[i] != 0 {
			t.Errorf("%s may change by %d for a profile that has passed it", kind, limits[i])
		}
	}

	atMax := upperTier2Profile()
	atMax.ENTRotations, atMax.Letters.ENTUS, atMax.ENTResearch = MaxENTRotations, MaxLetters, MaxResearch
	for i, n := range moveLimits(atMax) {
		if n != 0 && moveUpKinds[i] != ChangeStep3 {
			t.Errorf("%s may change by %d at its input maximum", moveUpKinds[i], n)
		}
	}
}

func TestMoveUpStep3Notes(t *testing.T) {
	failed := upperTier2Profile()
	failed.Failures = 1
	h1b := upperTier2Profile()
	h1b.Visa = VisaH1B
	passed := h1b
	passed.Step3 = Step3Passed
	tests := []struct {
		name string
		p    Profile
		want string
	}{
		{"failure", failed, "shows improvement after a failed attempt"},
		{"H-1B", h1b, "an H-1B petition requires it"},
		{"H-1B with Step 3 passed", passed, ""},
		{"neither", upperTier2Profile(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			notes := moveUpNotes(tt.p)
			if tt.want == "" && len(notes) > 0 {
				t.Errorf("notes = %q, want none", notes)
			}
			if tt.want != "" && !containsText(notes, tt.want) {
				t.Errorf("notes = %q, want one containing %q", notes, tt.want)
			}
		})
	}
}

// TestMoveSearchMatchesAssess checks the move-up search's shortcut: for
// every combination of changes it tries, the tier it computes from factors
// made once per amount equals what Assess gives for the changed profile.
func TestMoveSearchMatchesAssess(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 12))
	today := date(2026, time.June, 1)
	for i := range 2000 {
		p := randomProfile(r, today)
		switch i % 4 {
		case 1:
			p.Step2, p.Step2Error = 0, "312 is out of range"
		case 2:
			p.GradYear, p.GradYearError = 0, "2031 is after the target Match"
		}
		limits := moveLimits(p)
		search := newMoveSearch(p, limits)
		var v moveVector
		for {
			if got, want := search.tier(v), Assess(applyMove(p, v)).Tier; got != want {
				t.Fatalf("profile %+v with changes %v: search tier %v, Assess gives %v", p, v, got, want)
			}
			if !nextVector(&v, limits) {
				break
			}
		}
	}
}
