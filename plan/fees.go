package plan

import "slices"

// Service is the application service a specialty's programs receive
// applications through.
type Service string

const (
	ServiceERAS         Service = "eras"
	ServiceResidencyCAS Service = "residencycas"
)

// Name returns the service's name for display.
//
//go:noinline
func (s Service) Name() string {
	if s == ServiceResidencyCAS {
		return "ResidencyCAS"
	}
	return "ERAS"
}

// FeeBand is one band of a per-specialty application fee schedule.
type FeeBand struct {
	// From is the first program count in the band, counting from 1.
	From int `json:"from"`
	// To is the last program count in the band; 0 means no upper limit.
	To int `json:"to"`
	// Flat is charged once when the count reaches From; 0 for a per-program band.
	Flat int `json:"flat"`
	// PerProgram is charged for each program in the band.
	PerProgram int `json:"per_program"`
}

// FeeBands is a fee schedule for one specialty's applications, in US
// dollars. The bands are contiguous and ascending from 1.
type FeeBands []FeeBand

// Cost returns the fee for applying to n programs in one specialty, and 0
// for n <= 0. Each specialty starts again at the first band.
//
//go:noinline
func (bands FeeBands) Cost(n int) int {
	total := 0
	for _, b := range bands {
		if n < b.From {
			break
		}
		if b.Flat > 0 {
			total += b.Flat
			continue
		}
		last := n
		if b.To > 0 && b.To < n {
			last = b.To
		}
		total += (last - b.From + 1) * b.PerProgram
	}
	return total
}

// Fee is one charge in US dollars with its source and season.
type Fee struct {
	Amount int    `json:"amount"`
	Source string `json:"source"`
}

// FeeSchedule is every fee a dual application pays in one season. Season
// is the Match year the season leads to: the 2026 season opens in June 2025.
type FeeSchedule struct {
	Season     int      `json:"season"`
	ERAS       FeeBands `json:"eras"`
	ERASSource string   `json:"eras_source"`
	// EMService is where Emergency Medicine programs receive applications.
	EMService Service `json:"em_service"`
	// ResidencyCAS is nil in seasons when Emergency Medicine used ERAS.
	ResidencyCAS       FeeBands `json:"residencycas,omitempty"`
	ResidencyCASSource string   `json:"residencycas_source,omitempty"`
	// Token is the ECFMG token an IMG buys to use ERAS.
	Token Fee `json:"token"`
	// Transcript is the USMLE transcript fee, charged once per season by each
	// service used: ERAS and ResidencyCAS each charge their own.
	Transcript       Fee `json:"transcript"`
	NRMPRegistration Fee `json:"nrmp_registration"`
	// NRMPRanksIncluded is how many ranked programs the registration covers.
	NRMPRanksIncluded int `json:"nrmp_ranks_included"`
	// NRMPExtraRank is charged per ranked program beyond NRMPRanksIncluded.
	NRMPExtraRank Fee `json:"nrmp_extra_rank"`
	Step3         Fee `json:"step3"`
}

// ServiceFor returns the service that receives applications in the specialty.
//
//go:noinline
func (s FeeSchedule) ServiceFor(specialty Specialty) Service {
	if specialty == SpecialtyEM {
		return s.EMService
	}
	return ServiceERAS
}

// ApplicationFee returns the fee for n programs in one specialty, from the
// bands of the service that specialty uses.
//
//go:noinline
func (s FeeSchedule) ApplicationFee(specialty Specialty, n int) int {
	if s.ServiceFor(specialty) == ServiceResidencyCAS {
		return s.ResidencyCAS.Cost(n)
	}
	return s.ERAS.Cost(n)
}

// Fee sources, quoted in each schedule.
const (
	sourceERAS2024 = "AAMC, ERAS fees for the 2024 season: https://students-residents.aamc.org/applying-residencies-eras/fees-eras-residency-applications"
	sourceERAS2025 = "AAMC, ERAS fees for the 2025 and 2026 seasons: https://students-residents.aamc.org/applying-residencies-eras/publication-chapters/fees-2025-eras-season"
	sourceRCAS2026 = "ResidencyCAS fees for the 2025-26 cycle (Match 2026), SAEM: https://www.saem.org/about-saem/academies-interest-groups-affiliates2/rams/rams-resources/aeros-residencycas-infographics and CORD: https://www.cordem.org/resources/ascem"
	sourceToken    = "ECFMG: https://ecfmg.org/eras/"
	sourceNRMP2024 = "NRMP fees for Match 2024, via https://residencyexperts.com/final-steps-of-2024-match/ (secondary source)"
	sourceStep3    = "FSMB: https://www.fsmb.org/step-3/step-3-information/"
)

// erasBands2024 is the ERAS fee schedule of the 2024 season: $99 for up to
// 10 programs, then $19 each for 11-20, $23 each for 21-30 and $27 each from
// 31 (AAMC, 2024 season).
var erasBands2024 = FeeBands{
	{From: 1, To: 10, Flat: 99},
	{From: 11, To: 20, PerProgram: 19},
	{From: 21, To: 30, PerProgram: 23},
	{From: 31, PerProgram: 27},
}

// erasBands2025 is the ERAS fee schedule of the 2025 and 2026 seasons: $11
// each for programs 1-30 and $30 each from 31 (AAMC, 2025 and 2026 seasons).
var erasBands2025 = FeeBands{
	{From: 1, To: 30, PerProgram: 11},
	{From: 31, PerProgram: 30},
}

// residencyCASBands2026 is the ResidencyCAS fee schedule from the 2025-26
// cycle: $99 for 1-18 programs, then $18 each for 19-30 and $23 each from 31
// (SAEM and CORD, Match 2026).
var residencyCASBands2026 = FeeBands{
	{From: 1, To: 18, Flat: 99},
	{From: 19, To: 30, PerProgram: 18},
	{From: 31, PerProgram: 23},
}

// Fixed fees. Where a season's amount was not found, the schedule carries
// the latest amount found and its source says so.
const (
	// ERASTokenFee is the ECFMG ERAS token for IMGs, non-refundable: $165 in the
	// 2024 season, reported unchanged in 2025 (ECFMG).
	ERASTokenFee = 165
	// TranscriptFee is the USMLE transcript fee per service and season: $80 in
	// the 2024 season and again in 2026 (AAMC, SAEM).
	TranscriptFee = 80
	// NOTE: The NRMP fees are Match 2024 amounts from a secondary source and
	// are used for every later season until NRMP figures are found.
	//
	// NRMPRegistrationFee is the Main Residency Match registration: $70 in
	// Match 2024 (residencyexperts.com, secondary source).
	NRMPRegistrationFee = 70
	// NRMPRanksIncluded is how many ranked programs the registration covers:
	// 20 in Match 2024 (residencyexperts.com, secondary source).
	NRMPRanksIncluded = 20
	// NRMPExtraRankFee is charged per ranked program beyond NRMPRanksIncluded:
	// $30 in Match 2024 (residencyexperts.com, secondary source).
	NRMPExtraRankFee = 30
	// Step3Fee2024 is the USMLE Step 3 fee in 2024 (FSMB).
	Step3Fee2024 = 925
	// Step3Fee2025 is the USMLE Step 3 fee for eligibility periods ending in
	// 2025, the latest found (FSMB).
	Step3Fee2025 = 935
)

// feeSchedules are the published seasons, oldest first. The 2027 season and
// later were not published when these were collected.
var feeSchedules = [...]FeeSchedule{
	{
		Season: 2024, ERAS: erasBands2024, ERASSource: sourceERAS2024,
		EMService:         ServiceERAS,
		Token:             Fee{ERASTokenFee, sourceToken + " ($165 in the 2024 season)"},
		Transcript:        Fee{TranscriptFee, sourceERAS2024},
		NRMPRegistration:  Fee{NRMPRegistrationFee, sourceNRMP2024},
		NRMPRanksIncluded: NRMPRanksIncluded,
		NRMPExtraRank:     Fee{NRMPExtraRankFee, sourceNRMP2024},
		Step3:             Fee{Step3Fee2024, sourceStep3 + " ($925 in 2024)"},
	},
	{
		Season: 2025, ERAS: erasBands2025, ERASSource: sourceERAS2025,
		EMService:         ServiceERAS,
		Token:             Fee{ERASTokenFee, sourceToken + " ($165, reported unchanged in the 2025 season)"},
		Transcript:        Fee{TranscriptFee, sourceERAS2024 + " ($80 in the 2024 season and again in 2026; the 2025 amount is taken to be the same)"},
		NRMPRegistration:  Fee{NRMPRegistrationFee, sourceNRMP2024 + "; no later figure found"},
		NRMPRanksIncluded: NRMPRanksIncluded,
		NRMPExtraRank:     Fee{NRMPExtraRankFee, sourceNRMP2024 + "; no later figure found"},
		Step3:             Fee{Step3Fee2025, sourceStep3 + " ($935 for eligibility periods ending in 2025)"},
	},
	{
		Season: 2026, ERAS: erasBands2025, ERASSource: sourceERAS2025,
		EMService: ServiceResidencyCAS, ResidencyCAS: residencyCASBands2026, ResidencyCASSource: sourceRCAS2026,
		Token:             Fee{ERASTokenFee, sourceToken + " ($165 in 2025; no 2026 figure found, so the 2025 amount is used)"},
		Transcript:        Fee{TranscriptFee, sourceERAS2024 + " and SAEM ($80 per service, cited for the 2026 season)"},
		NRMPRegistration:  Fee{NRMPRegistrationFee, sourceNRMP2024 + "; no later figure found"},
		NRMPRanksIncluded: NRMPRanksIncluded,
		NRMPExtraRank:     Fee{NRMPExtraRankFee, sourceNRMP2024 + "; no later figure found"},
		Step3:             Fee{Step3Fee2025, sourceStep3 + " ($935 for eligibility periods ending in 2025; no later figure found)"},
	},
}

// FeeSchedules returns every published fee schedule, oldest season first.
// The bands are copies, so a caller cannot change the planner's data.
func FeeSchedules() []FeeSchedule {
	out := make([]FeeSchedule, len(feeSchedules))
	for i, s := range feeSchedules {
		out[i] = s.clone()
	}
	return out
}

// ScheduleFor returns the fee schedule a plan for the given Match year uses,
// and a sentence that says which season it is when that differs from the
// Match year. A Match year after the latest published season uses the latest
// one; a year before the earliest uses the earliest.
func ScheduleFor(matchYear int) (FeeSchedule, string) {
	s, note := scheduleFor(matchYear)
	return s.clone(), note
}

// scheduleFor is ScheduleFor without the copy, for use inside the package.
func scheduleFor(matchYear int) (FeeSchedule, string) {
	first, last := feeSchedules[0], feeSchedules[len(feeSchedules)-1]
	year := itoa(matchYear)
	switch {
	case matchYear > last.Season:
		return last, "Fees for the " + year + " season were not found when this planner was last updated, so this plan uses the " +
			itoa(last.Season) + " season's fees, the latest found."
	case matchYear < first.Season:
		return first, "Fees for the " + year + " season are not in the planner, so this plan uses the " +
			itoa(first.Season) + " season's fees, the earliest it has."
	}
	for _, s := range feeSchedules {
		if s.Season == matchYear {
			return s, ""
		}
	}
	return last, ""
}

func (s FeeSchedule) clone() FeeSchedule {
	s.ERAS = slices.Clone(s.ERAS)
	s.ResidencyCAS = slices.Clone(s.ResidencyCAS)
	return s
}
