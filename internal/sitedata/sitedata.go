// Package sitedata exports the planner's values for the website's templates,
// so every table the guide shows comes from the same values the planner uses.
package sitedata

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/entbackup/ent-backup-planner/plan"
)

// Path is where the export lives, relative to the repository root. Hugo reads
// it as site.Data.planner.
const Path = "data/planner.json"

// Field is one form field's valid values. A bound of a year field that moves
// with the day is marked by MinNextMatch or MaxFromYear, and the templates
// work it out at build time.
type Field struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	Min  int    `json:"min"`
	Max  int    `json:"max"`
	// MinNextMatch marks a minimum that is the Match a plan made that day
	// targets (plan.DefaultMatchYear), which the templates work out at build
	// time. MaxFromYear marks a maximum that is an offset from the year.
	MinNextMatch bool     `json:"min_next_match,omitempty"`
	MaxFromYear  bool     `json:"max_from_year,omitempty"`
	Choices      []string `json:"choices,omitempty"`
	// Labels are the texts of the form's select options, as in
	// plan.FieldSpec.Labels. A field without them is a text input.
	Labels   []string `json:"labels,omitempty"`
	Unit     string   `json:"unit,omitempty"`
	Optional bool     `json:"optional,omitempty"`
}

// Example is a worked example with its expected tier.
type Example struct {
	ID                   string            `json:"id"`
	Title                string            `json:"title"`
	Tier                 int               `json:"tier"`
	YearsSinceGraduation int               `json:"years_since_graduation"`
	Values               map[string]string `json:"values"`
}

// Thresholds are the factor bands the tier criteria table shows.
type Thresholds struct {
	Step2Strong               int `json:"step2_strong"`
	Step2Fair                 int `json:"step2_fair"`
	ENTMatchedMeanStep2       int `json:"ent_matched_mean_step2"`
	MajorFailures             int `json:"major_failures"`
	StrongENTRotations        int `json:"strong_ent_rotations"`
	StrongENTLettersUS        int `json:"strong_ent_letters_us"`
	StrongENTResearch         int `json:"strong_ent_research"`
	StrongENTResearchWithYear int `json:"strong_ent_research_with_year"`
	RecentGraduationYears     int `json:"recent_graduation_years"`
	FairGraduationYears       int `json:"fair_graduation_years"`
	MaxWeakForTier2           int `json:"max_weak_for_tier2"`
	MaxWeakForUpperTier2      int `json:"max_weak_for_upper_tier2"`
}

// Data is the whole export.
type Data struct {
	Fields          []Field        `json:"fields"`
	FragmentVersion string         `json:"fragment_version"`
	Examples        []Example      `json:"examples"`
	Thresholds      Thresholds     `json:"thresholds"`
	Specialties     []SpecialtyRow `json:"specialties"`
	FeeSchedules    []FeeSchedule  `json:"fee_schedules"`
	Calendar        Calendar       `json:"calendar"`
	Rules           []Rule         `json:"rules"`
	Sources         []Source       `json:"sources"`
}

// Build collects the export from package plan.
func Build() Data {
	// Field ranges are taken at year 0, so a bound that moves with the year
	// comes out as an offset from it.
	var fields []Field
	for _, s := range plan.FieldSpecs(time.Date(0, time.January, 1, 0, 0, 0, 0, time.UTC)) {
		f := Field{Name: s.Name, Min: s.Min, Max: s.Max, Choices: s.Choices, Labels: s.Labels, Unit: s.Unit, Optional: s.Optional}
		f.Kind = "int"
		if s.Kind == plan.KindChoice {
			f.Kind = "choice"
		}
		if s.Name == plan.FieldMatchYear {
			f.MinNextMatch = true
		}
		if s.Name == plan.FieldMatchYear || s.Name == plan.FieldGradYear {
			f.MaxFromYear = true
		}
		fields = append(fields, f)
	}

	var examples []Example
	for _, e := range plan.Examples {
		examples = append(examples, Example{
			ID: e.ID, Title: e.Title, Tier: int(e.Tier),
			YearsSinceGraduation: e.YearsSinceGraduation, Values: e.Values,
		})
	}

	d := Data{
		Fields:          fields,
		FragmentVersion: plan.FragmentVersion,
		Examples:        examples,
		Thresholds: Thresholds{
			Step2Strong: plan.Step2Strong, Step2Fair: plan.Step2Fair,
			ENTMatchedMeanStep2: plan.ENTMatchedMeanStep2, MajorFailures: plan.MajorFailures,
			StrongENTRotations: plan.StrongENTRotations, StrongENTLettersUS: plan.StrongENTLettersUS,
			StrongENTResearch: plan.StrongENTResearch, StrongENTResearchWithYear: plan.StrongENTResearchWithYear,
			RecentGraduationYears: plan.RecentGraduationYears, FairGraduationYears: plan.FairGraduationYears,
			MaxWeakForTier2: plan.MaxWeakForTier2, MaxWeakForUpperTier2: plan.MaxWeakForUpperTier2,
		},
		Specialties:  buildSpecialties(),
		FeeSchedules: buildFeeSchedules(),
		Calendar:     buildCalendar(),
		Rules:        buildRules(),
	}
	d.Sources = buildSources(d)
	return d
}

// Marshal returns the export as indented JSON with a final newline.
func Marshal(d Data) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
