package plan

import "slices"

// Specialty is a residency specialty's stable code, used in data attributes,
// JSON and the fee schedule.
type Specialty string

// The specialty codes. SpecialtyENT is the target; the others are the backup
// candidates the planner ranks.
const (
	SpecialtyENT   Specialty = "ent"
	SpecialtyGS    Specialty = "gs"
	SpecialtyIM    Specialty = "im"
	SpecialtyFM    Specialty = "fm"
	SpecialtyPeds  Specialty = "peds"
	SpecialtyNeuro Specialty = "neuro"
	SpecialtyEM    Specialty = "em"
)

// Name returns the specialty's full name, such as "Internal Medicine", or the
// code itself for an unknown specialty.
//
//go:noinline
func (s Specialty) Name() string {
	switch s {
	case SpecialtyENT:
		return "Otolaryngology"
	case SpecialtyGS:
		return "General Surgery"
	case SpecialtyIM:
		return "Internal Medicine"
	case SpecialtyFM:
		return "Family Medicine"
	case SpecialtyPeds:
		return "Pediatrics"
	case SpecialtyNeuro:
		return "Neurology"
	case SpecialtyEM:
		return "Emergency Medicine"
	}
	return string(s)
}

// backupSpecialties lists the backup candidates in the fixed order used
// before ranking.
var backupSpecialties = [...]Specialty{SpecialtyGS, SpecialtyIM, SpecialtyFM, SpecialtyPeds, SpecialtyNeuro, SpecialtyEM}

// BackupSpecialties returns the six backup candidates in their fixed order.
func BackupSpecialties() []Specialty { return slices.Clone(backupSpecialties[:]) }

// SpecialtyFigures are one specialty's first-year (PGY-1) figures in one Main
// Residency Match. A zero count or percentage means the figure was not found.
type SpecialtyFigures struct {
	_         noCompare
	Specialty Specialty `json:"specialty"`
	Name      string    `json:"name"`
	// Season is the Match year the figures describe.
	Season    int `json:"season"`
	Programs  int `json:"programs"`
	Positions int `json:"positions"`
	Filled    int `json:"filled"`
	// FillPercent is the share of positions filled in the Match.
	FillPercent float64 `json:"fill_percent"`
	// NonUSIMGPercent is the share of filled positions that went to non-US IMGs.
	// NRMP counts permanent residents as non-US IMGs.
	NonUSIMGPercent float64 `json:"non_us_img_percent"`
	// USIMGPercent is the share of filled positions that went to US-citizen IMGs.
	USIMGPercent float64 `json:"us_img_percent"`
	Source       string  `json:"source"`
	// Secondary marks figures restated by a site other than NRMP.
	Secondary bool `json:"secondary"`
}

// Sources of the 2025 specialty figures.
const (
	sourceNRMP2025 = "NRMP 2025 Main Residency Match, compiled at https://www.rxradio.fm/data/medical-match/match-rates-by-specialty-2025 (secondary source)"
	sourceACS2025  = "NRMP 2025 Main Residency Match, as reported in the ACS Brief of March 25, 2025: https://ww2.facs.org/for-medical-professionals/news-publications/news-and-articles/acs-brief/march-25-2025-issue/surgery-residencies-continue-to-grow-in-2025-match"
)

// FiguresSeason is the Match whose figures the planner uses.
const FiguresSeason = 2025

// backupFigures are the 2025 Match figures of the six backup candidates, in
// the order of backupSpecialties. They are the evidence behind each
// specialty's accessibility. NRMP 2025, via rxradio.fm (secondary).
var backupFigures = [...]SpecialtyFigures{
	{Specialty: SpecialtyGS, Programs: 377, Positions: 1778, Filled: 1774, FillPercent: 99.8, NonUSIMGPercent: 6.4, USIMGPercent: 5.6},
	{Specialty: SpecialtyIM, Programs: 758, Positions: 10941, Filled: 10584, FillPercent: 96.7, NonUSIMGPercent: 32.7, USIMGPercent: 10.5},
	{Specialty: SpecialtyFM, Programs: 817, Positions: 5357, Filled: 4552, FillPercent: 85.0, NonUSIMGPercent: 15.0, USIMGPercent: 11.7},
	{Specialty: SpecialtyPeds, Programs: 250, Positions: 3135, Filled: 2988, FillPercent: 95.3, NonUSIMGPercent: 18.8, USIMGPercent: 8.0},
	{Specialty: SpecialtyNeuro, Programs: 159, Positions: 932, Filled: 925, FillPercent: 99.2, NonUSIMGPercent: 23.9, USIMGPercent: 4.9},
	{Specialty: SpecialtyEM, Programs: 292, Positions: 3068, Filled: 3003, FillPercent: 97.9, NonUSIMGPercent: 4.3, USIMGPercent: 10.3},
}

// entFigures are the 2025 Match figures for Otolaryngology. The number of
// programs and the IMG shares were not found. NRMP 2025, via the ACS Brief.
var entFigures = SpecialtyFigures{
	Specialty: SpecialtyENT, Positions: 394, Filled: 393, FillPercent: 99.7,
}

// preliminarySurgeryFigures are the 2025 Match figures for one-year
// preliminary surgery positions, shown for context: a preliminary year is a
// bridge, not a backup specialty. NRMP 2025, via rxradio.fm (secondary).
var preliminarySurgeryFigures = SpecialtyFigures{
	Specialty: "gs_prelim", Name: "Surgery, preliminary (one year)",
	Programs: 261, Positions: 1194, Filled: 673, FillPercent: 56.4, NonUSIMGPercent: 20.1, USIMGPercent: 7.4,
}

// withSource fills in the name, season and source of a figures row.
func withSource(f SpecialtyFigures, source string) SpecialtyFigures {
	if f.Name == "" {
		f.Name = f.Specialty.Name()
	}
	f.Season = FiguresSeason
	f.Source = source
	f.Secondary = source == sourceNRMP2025
	return f
}

// Figures returns the 2025 Match figures of a backup candidate or ENT, with
// their source, and false for any other specialty.
func Figures(s Specialty) (SpecialtyFigures, bool) {
	if s == SpecialtyENT {
		return withSource(entFigures, sourceACS2025), true
	}
	for _, f := range backupFigures {
		if f.Specialty == s {
			return withSource(f, sourceNRMP2025), true
		}
	}
	return SpecialtyFigures{}, false
}

// SpecialtyTable returns every specialty row the guide's tables show: ENT,
// the six backup candidates in their fixed order, and preliminary surgery.
func SpecialtyTable() []SpecialtyFigures {
	rows := make([]SpecialtyFigures, 0, len(backupFigures)+2)
	rows = append(rows, withSource(entFigures, sourceACS2025))
	for _, f := range backupFigures {
		rows = append(rows, withSource(f, sourceNRMP2025))
	}
	return append(rows, withSource(preliminarySurgeryFigures, sourceNRMP2025))
}

// AccessibilityIndex returns a specialty's openness to IMGs in percentage
// points. It adds the share of filled positions that went to non-US IMGs to
// the share of positions left unfilled after the Match, which go to SOAP
// (editorial default, from the 2025 NRMP figures).
func (f SpecialtyFigures) AccessibilityIndex() float64 {
	return f.NonUSIMGPercent + (100 - f.FillPercent)
}
