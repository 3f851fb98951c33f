package plan

import (
	"math"
	"slices"
	"strconv"
)

// InterestKind is one kind of work the applicant rates in Interests.
type InterestKind uint8

const (
	InterestSurgery InterestKind = iota
	InterestChildren
	InterestDiagnosis
	InterestAcute
	InterestNeuro
	InterestLifestyle
)

// Rating returns the applicant's 0-3 rating of one kind of work.
func (i Interests) Rating(k InterestKind) int {
	switch k {
	case InterestSurgery:
		return i.Surgery
	case InterestChildren:
		return i.Children
	case InterestDiagnosis:
		return i.Diagnosis
	case InterestAcute:
		return i.Acute
	case InterestNeuro:
		return i.Neuro
	default:
		return i.Lifestyle
	}
}

// Description returns the kind of work in the words the form uses.
func (k InterestKind) Description() string {
	return [...]string{
		"operating room work and anatomy",
		"working with children",
		"diagnosis, continuity and subspecialty science",
		"acute care and airway work",
		"neuroanatomy, imaging and long-term follow-up",
		"breadth, office procedures and lifestyle",
	}[k]
}

// Backup scoring weights. A specialty's score adds its interest fit, its
// openness to IMGs weighted by tier, and the profile adjustments below.
const (
	// InterestPointsPerLevel is the points each level of the matching
	// interest (0-3) adds (editorial default).
	InterestPointsPerLevel = 10

	// AccessWeightTier1Percent, and the three weights after it, scale the
	// accessibility index (percentage points from the 2025 NRMP figures) by
	// tier: the weaker the ENT application, the more a backup's openness to
	// IMGs counts (editorial default).
	AccessWeightTier1Percent      = 25
	AccessWeightUpperTier2Percent = 75
	AccessWeightLowerTier2Percent = 100
	AccessWeightTier3Percent      = 150

	// FMFlexibilityBonus is added to Family Medicine for a profile with a
	// Step 2 CK below strong, a failed attempt or graduation more than
	// RecentGraduationYears ago. The source guide calls Family Medicine often
	// the most accessible for IMGs with moderate scores or graduation gaps;
	// the points are an editorial default.
	FMFlexibilityBonus = 10

	// IMFlexibilityBonus is added to Internal Medicine for a profile with a
	// failed attempt or graduation more than RecentGraduationYears ago. In the
	// source guide, some Internal Medicine programs are more flexible with
	// exam attempts and older graduation. The points are an editorial default.
	IMFlexibilityBonus = 5

	// GSOutOfReachPenalty is subtracted from General Surgery below upper Tier 2.
	// The source guide calls General Surgery a backup only for Tier 1 or strong
	// Tier 2 applicants; the points are an editorial default.
	GSOutOfReachPenalty = 40

	// EMVisaPenalty is subtracted from Emergency Medicine when a visa is
	// needed, because the source guide calls its openness to IMGs
	// region-specific and visa-dependent. The points are an editorial default.
	EMVisaPenalty = 20

	// H1BSmallSpecialtyPenalty is subtracted, for an applicant who needs an
	// H-1B visa, from each specialty with fewer than H1BBroadSpecialtyPrograms
	// programs: if such a specialty sponsors H-1B as rarely as Internal
	// Medicine does, it offers only a few dozen H-1B programs (editorial
	// default).
	H1BSmallSpecialtyPenalty = 15
	// NOTE: No H-1B sponsorship figure was found outside Internal Medicine,
	// so which specialties this penalty hits rests on an assumption.
	//
	// H1BBroadSpecialtyPrograms is the program count from which a specialty is
	// broad enough to escape H1BSmallSpecialtyPenalty: Internal Medicine (758)
	// and Family Medicine (817) in 2025 (editorial default).
	H1BBroadSpecialtyPrograms = 500
)

// Visa sponsorship in Internal Medicine, from a 2022 study of 419 programs
// (JGME 14(6):680, https://meridian.allenpress.com/jgme/article/14/6/680/489260).
// No such figure was found for the other specialties.
const (
	VisaStudyPrograms   = 419
	VisaStudyJ1Percent  = 63.7
	VisaStudyH1BPercent = 22
	sourceVisaStudy     = "JGME 2022, https://meridian.allenpress.com/jgme/article/14/6/680/489260"
)

// backupTraits is the source guide's advice on one backup specialty.
type backupTraits struct {
	specialty Specialty
	interest  InterestKind
	// fit says why the specialty suits an ENT-minded applicant.
	fit     string
	caution string
	// entPaths are the ENT-related careers the specialty keeps open.
	entPaths []string
}

// backupTraitsTable holds the source guide's reasons, cautions and
// ENT-related paths for each backup, in the order of backupSpecialties.
var backupTraitsTable = [...]backupTraits{
	{
		specialty: SpecialtyGS, interest: InterestSurgery,
		fit:      "General Surgery keeps you in the operating room, with the anatomy and technical demands that draw people to ENT.",
		caution:  "General Surgery is still competitive, especially at academic centers, and its training lasts five years or more with a demanding lifestyle.",
		entPaths: []string{"surgical oncology with head and neck collaboration", "endocrine surgery", "trauma and critical care with airway work"},
	},
	{
		specialty: SpecialtyIM, interest: InterestDiagnosis,
		fit:      "Internal Medicine has many positions and a long record of training IMGs, and it leads to subspecialties close to ENT.",
		caution:  "Internal Medicine is less procedural than ENT, with little operating room work outside procedure-based subspecialties.",
		entPaths: []string{"allergy and immunology", "rheumatology", "pulmonary and sleep medicine", "oncology", "infectious disease"},
	},
	{
		specialty: SpecialtyFM, interest: InterestLifestyle,
		fit:      "Family Medicine welcomes IMGs, sees a wide range of ENT problems in primary care and allows office-based procedures.",
		caution:  "Family Medicine is far from surgical ENT practice: mostly outpatient, with rare operating room work.",
		entPaths: []string{"office ENT procedures", "rural practice with a broad scope", "sports medicine, including ear and sinus problems in athletes"},
	},
	{
		specialty: SpecialtyPeds, interest: InterestChildren,
		fit:      "Pediatrics sees the common ENT problems of childhood, such as ear infections, tonsillitis and airway concerns, and takes more IMGs than ENT.",
		caution:  "Pediatrics is a very different daily role from surgery, and it suits you best if you enjoy working with children.",
		entPaths: []string{"pediatric pulmonology", "allergy and immunology", "pediatric critical care with airway work"},
	},
	{
		specialty: SpecialtyNeuro, interest: InterestNeuro,
		fit:      "Neurology can be a reasonable backup if you enjoy neuroanatomy, imaging and long-term follow-up.",
		caution:  "Neurology is a small specialty, and it is a sound backup mainly when the field itself interests you.",
		entPaths: []string{"neurointerventional work, through further training"},
	},
	{
		specialty: SpecialtyEM, interest: InterestAcute,
		fit:      "Emergency Medicine deals with acute airway problems and many acute ENT presentations.",
		caution:  "Emergency Medicine takes few non-US IMGs, and how open its programs are depends on the region and on the visa.",
		entPaths: []string{"airway management", "acute ENT presentations"},
	},
}

// BackupOption is one backup specialty scored for the profile.
type BackupOption struct {
	// Rank is 1 for the best fit.
	Rank      int       `json:"rank"`
	Specialty Specialty `json:"specialty"`
	Name      string    `json:"name"`
	// Score is the sum of the Breakdown points.
	Score     int         `json:"score"`
	Breakdown []ScorePart `json:"breakdown"`
	// Realistic is false for General Surgery below upper Tier 2, where the
	// source guide does not count it as a real backup.
	Realistic bool     `json:"realistic"`
	Reasons   []string `json:"reasons"`
	Cautions  []string `json:"cautions"`
	// ENTPaths are the ENT-related careers the specialty keeps open.
	ENTPaths []string         `json:"ent_paths"`
	Figures  SpecialtyFigures `json:"figures"`
}

// ScorePart is one term of a backup's score.
type ScorePart struct {
	_      noCompare
	Label  string `json:"label"`
	Points int    `json:"points"`
}

// rankBackups scores all six backups for the profile and sorts them, best
// first. Ties go to the specialty whose filled positions went more often to
// non-US IMGs in 2025, then to the fixed order of backupSpecialties.
func rankBackups(p Profile, a Assessment) []BackupOption {
	options := make([]BackupOption, len(backupTraitsTable))
	for i, traits := range backupTraitsTable {
		figures, _ := Figures(traits.specialty)
		options[i] = scoreBackup(p, a, traits, figures)
	}
	// An insertion sort keeps ties in table order and, unlike
	// slices.SortStableFunc, adds no generic instantiation to the .wasm.
	for i := 1; i < len(options); i++ {
		for j := i; j > 0 && rankedBefore(&options[j], &options[j-1]); j-- {
			options[j], options[j-1] = options[j-1], options[j]
		}
	}
	for i := range options {
		options[i].Rank = i + 1
	}
	return options
}

// rankedBefore reports whether backup x ranks above y: a higher score, or
// an equal score and a higher non-US IMG share.
func rankedBefore(x, y *BackupOption) bool {
	if x.Score != y.Score {
		return x.Score > y.Score
	}
	return x.Figures.NonUSIMGPercent > y.Figures.NonUSIMGPercent
}

// scoreBackup scores one specialty: interest fit, accessibility weighted by
// tier, and the profile adjustments, each with its reason.
func scoreBackup(p Profile, a Assessment, traits backupTraits, figures SpecialtyFigures) BackupOption {
	o := BackupOption{
		Specialty: traits.specialty,
		Name:      traits.specialty.Name(),
		Realistic: true,
		ENTPaths:  slices.Clone(traits.entPaths),
		Figures:   figures,
		Reasons:   []string{traits.fit},
		Cautions:  []string{traits.caution},
	}

	rating := p.Interests.Rating(traits.interest)
	o.addPoints("Interest in "+traits.interest.Description(), rating*InterestPointsPerLevel)
	appendTo(&o.Reasons, "You rated "+traits.interest.Description()+" "+itoa(rating)+" of "+itoa(MaxInterest)+".")

	weight := accessWeightPercent(a)
	o.addPoints("Openness to IMGs in the 2025 Match, weighted "+itoa(weight)+"% for "+a.Label(),
		int(math.Round(figures.AccessibilityIndex()*float64(weight)/100)))
	appendTo(&o.Reasons, "In the 2025 Match, "+o.Name+" offered "+groupDigits(figures.Positions)+
		" first-year positions and filled "+formatPercent(figures.FillPercent)+" of them; non-US IMGs took "+
		formatPercent(figures.NonUSIMGPercent)+" of the filled positions (NRMP, secondary source).")

	longAgo := p.GradYear != 0 && p.MatchYear-p.GradYear > RecentGraduationYears
	step2Modest := p.Step2Pending() || p.Step2 < Step2Strong
	switch traits.specialty {
	case SpecialtyFM:
		if step2Modest || p.Failures > 0 || longAgo {
			o.addPoints("Forgiving of modest scores, failed attempts and older graduation", FMFlexibilityBonus)
			appendTo(&o.Reasons, "Family Medicine is often the most forgiving specialty for IMGs with modest scores, a failed attempt or a gap since graduation.")
		}
	case SpecialtyIM:
		if p.Failures > 0 || longAgo {
			o.addPoints("Flexible about failed attempts and older graduation", IMFlexibilityBonus)
			appendTo(&o.Reasons, "Some Internal Medicine programs are flexible about failed attempts and older graduation dates.")
		}
	case SpecialtyGS:
		if !(a.Tier == Tier1 || a.Tier == Tier2 && a.Band == BandUpper) {
			o.Realistic = false
			o.addPoints("Not a real backup below upper Tier 2", -GSOutOfReachPenalty)
			appendTo(&o.Cautions, "For "+a.Label()+", General Surgery is not much easier to match than ENT: it is a real backup only for Tier 1 or upper Tier 2 applicants.")
		}
	case SpecialtyEM:
		schedule, _ := scheduleFor(p.MatchYear)
		if schedule.ServiceFor(SpecialtyEM) == ServiceResidencyCAS {
			appendTo(&o.Cautions, "Emergency Medicine programs receive applications through ResidencyCAS, not ERAS, so the fees and the transcript are paid separately.")
		}
		if p.Visa != VisaNone {
			o.addPoints("Few programs for applicants who need a visa", -EMVisaPenalty)
			appendTo(&o.Cautions, "You need a visa, and Emergency Medicine's openness to IMGs depends heavily on region and visa.")
		}
	}

	if p.Visa == VisaH1B {
		appendTo(&o.Cautions, h1bCaution(figures))
		if figures.Programs < H1BBroadSpecialtyPrograms {
			o.addPoints("Few programs likely to sponsor H-1B", -H1BSmallSpecialtyPenalty)
		}
	}
	return o
}

// addPoints adds one term to the score and its breakdown.
//
//go:noinline
func (o *BackupOption) addPoints(label string, points int) {
	o.Breakdown = append(o.Breakdown, ScorePart{Label: label, Points: points})
	o.Score += points
}

// accessWeightPercent returns how much openness to IMGs counts for the tier.
func accessWeightPercent(a Assessment) int {
	switch {
	case a.Tier == Tier1:
		return AccessWeightTier1Percent
	case a.Tier == Tier2 && a.Band == BandUpper:
		return AccessWeightUpperTier2Percent
	case a.Tier == Tier2:
		return AccessWeightLowerTier2Percent
	default:
		return AccessWeightTier3Percent
	}
}

// h1bCaution explains what an H-1B need means for the specialty.
func h1bCaution(f SpecialtyFigures) string {
	study := "In a 2022 study of " + itoa(VisaStudyPrograms) + " Internal Medicine programs, " +
		strconv.FormatFloat(VisaStudyJ1Percent, 'f', 1, 64) + "% accepted J-1 visas and only about " +
		itoa(VisaStudyH1BPercent) + "% also sponsored H-1B"
	if f.Specialty == SpecialtyIM {
		return study + ", so check each program's H-1B policy before you apply."
	}
	return "No H-1B figure was found for " + f.Name + ". " + study +
		"; if " + f.Name + " is similar, few of its " + groupDigits(f.Programs) + " programs sponsor H-1B, so check each program before you apply."
}
