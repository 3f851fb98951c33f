package plan

import "strconv"

// Rule is one threshold, count, fee, weight or date the planner uses, in
// plain words with its source, for the site's method page.
type Rule struct {
	// Name is the Go identifier of the value, or a short name for a rule
	// that is a table row or a behaviour.
	Name string `json:"name"`
	// Group is the part of the plan the rule belongs to: input, tier,
	// move_up, backup, applications, fees, letters, timeline or signals.
	Group       string `json:"group"`
	Value       string `json:"value"`
	Description string `json:"description"`
	Source      string `json:"source"`
}

// Source labels used in Rules.
const (
	sourceGuide     = "source guide"
	sourceEditorial = "editorial default"
)

// Rules returns every rule of the planner, grouped by the part of the plan
// it belongs to. Values are written from the same constants and tables the
// planner uses, so the method page cannot drift from the code.
//
//go:noinline
func Rules() []Rule {
	var rules []Rule
	for _, group := range [][]Rule{inputRules(), tierRules(), moveUpRules(), backupRules(), countRules(), feeRules(), letterRules(), timelineRules(), signalRules()} {
		rules = append(rules, group...)
	}
	return rules
}

// itoa is strconv.Itoa out of line: each inlined call costs the .wasm a
// few hundred bytes.
//
//go:noinline
func itoa(n int) string { return strconv.Itoa(n) }

func inputRules() []Rule {
	const g = "input"
	return []Rule{
		{"MinStep2", g, itoa(MinStep2), "The lowest Step 2 CK score the form accepts.", "USMLE three-digit score scale"},
		{"MaxStep2", g, itoa(MaxStep2), "The highest Step 2 CK score the form accepts.", "USMLE three-digit score scale"},
		{"MaxFailures", g, itoa(MaxFailures), "The most failed USMLE attempts, over all Steps, the form accepts: 3 failures per Step over four Steps.", "USMLE attempt limit of 4 per Step: https://www.usmle.org/common-questions/attempt-limit"},
		{"MaxENTRotations", g, itoa(MaxENTRotations), "The most US ENT rotations, and separately US ENT observerships, the form accepts.", sourceEditorial},
		{"MaxUSRotations", g, itoa(MaxUSRotations), "The most US rotations in other specialties the form accepts.", sourceEditorial},
		{"MaxLetters", g, itoa(MaxLetters), "The most letters from one kind of writer the form accepts.", sourceEditorial},
		{"MaxResearch", g, itoa(MaxResearch), "The most research items of one kind the form accepts.", sourceEditorial},
		{"MinGradYear", g, itoa(MinGradYear), "The earliest graduation year the form accepts.", sourceEditorial},
		{"MatchYearsAhead", g, itoa(MatchYearsAhead), "How many years after the current one the target Match may be.", sourceEditorial},
		{"MaxInterest", g, itoa(MaxInterest), "The top of the 0 to 3 interest scale.", sourceEditorial},
		{"DefaultInterest", g, itoa(DefaultInterest), "The interest rating assumed when a rating is left empty, so it neither favours nor rules out a specialty.", sourceEditorial},
		{"NoBudget", g, itoa(NoBudget), "The budget value that means no limit, used when the budget field is empty.", sourceEditorial},
		{"MaxBudget", g, formatUSD(MaxBudget), "The largest fee budget the form accepts.", sourceEditorial},
		{"MaxValueLength", g, itoa(MaxValueLength), "The longest value, in characters, read for any field.", sourceEditorial},
		{"MaxFragmentLength", g, itoa(MaxFragmentLength), "The longest shared-link fragment, in bytes, the planner reads.", sourceEditorial},
	}
}

func tierRules() []Rule {
	const g = "tier"
	return []Rule{
		{"Step2Strong", g, itoa(Step2Strong), "A Step 2 CK at or above this score is strong.", sourceGuide + ": its strong applicant scored above 250"},
		{"Step2Fair", g, itoa(Step2Fair), "A Step 2 CK at or above this score, and below the strong score, is fair; below it is weak.", sourceGuide + ": its moderate applicant scored about 235-240"},
		{"ENTMatchedMeanStep2", g, itoa(ENTMatchedMeanStep2), "The mean Step 2 CK of US MD seniors who matched in ENT, shown beside the bands for context. It is not an IMG figure.", "NRMP Charting Outcomes 2024, via https://www.quantaprep.com/blog/step-2-ck-score-by-specialty-2026 (secondary source)"},
		{"MajorFailures", g, itoa(MajorFailures), "This many failed USMLE attempts is a major red flag on its own and places the applicant in Tier 3; one failure is weak.", sourceGuide + ": multiple attempts can make an ENT match extremely unlikely"},
		{"StrongENTRotations", g, itoa(StrongENTRotations), "Hands-on US ENT rotations that rate US ENT experience strong; any US ENT rotation or observership is fair.", sourceGuide + ": its strong applicant has two ENT sub-internships"},
		{"StrongENTLettersUS", g, itoa(StrongENTLettersUS), "Letters from US otolaryngologists that rate ENT letters strong; any ENT letter is fair.", sourceGuide + ": at least two strong letters from US otolaryngologists"},
		{"StrongENTResearch", g, itoa(StrongENTResearch), "ENT research items that rate research strong; any research item is fair.", sourceGuide + " (strong applicant with two posters); the count is an " + sourceEditorial},
		{"StrongENTResearchWithYear", g, itoa(StrongENTResearchWithYear), "ENT research items that rate research strong when the applicant also did a dedicated US research year.", sourceGuide + " (a US research year); the count is an " + sourceEditorial},
		{"RecentGraduationYears", g, itoa(RecentGraduationYears), "Graduation at most this many years before the target Match is strong.", sourceEditorial},
		{"FairGraduationYears", g, itoa(FairGraduationYears), "Graduation at most this many years before the target Match, and more than the strong limit, is fair; longer ago is weak.", sourceGuide + ": more than 5 to 7 years out reduces competitiveness"},
		{"VisaLevels", g, "none strong, J-1 fair, H-1B weak", "No visa need is strong, a J-1 need is fair and an H-1B need is weak, because fewer programs sponsor H-1B.", sourceGuide + ": programs vary in which visas, J-1 or H-1B, they will sponsor"},
		{"MaxWeakForTier2", g, itoa(MaxWeakForTier2), "The most weak factors among US ENT experience, ENT letters, research, time since graduation and visa that still allow Tier 2; one more places the applicant in Tier 3.", sourceGuide + " (Tier 3 combines several such gaps); the count is an " + sourceEditorial},
		{"MaxWeakForUpperTier2", g, itoa(MaxWeakForUpperTier2), "The most weak factors of any kind an upper Tier 2 applicant may have, with a strong Step 2 CK.", sourceEditorial},
		{"Tier1", g, "all of: strong Step 2 CK, no failure, strong US ENT experience, strong ENT letters, no weak factor", "The requirements of Tier 1.", sourceGuide},
		{"Tier3", g, "any of: weak Step 2 CK, two or more failures, one failure without a strong Step 2 CK, too many weak factors", "What places an applicant in Tier 3; everything else is Tier 2.", sourceGuide},
		{"PendingStep2", g, "counted as fair", "A Step 2 CK not yet taken makes the tier provisional and is counted as fair.", sourceEditorial},
	}
}

func moveUpRules() []Rule {
	const g = "move_up"
	return []Rule{
		{"MoveUpChanges", g, "US ENT rotations, US ENT letters, ENT research, Step 3, a Step 2 CK target", "The changes the planner tries, each up to the amount that rates its factor strong. Graduation year, failed attempts, a passed Step and the visa cannot change and are never suggested.", sourceGuide + ": a passed USMLE Step cannot be retaken (https://www.usmle.org/common-questions?category=Scores)"},
		{"MoveUpMinimal", g, "smallest sets only", "Only sets of changes that reach the next tier and contain no smaller such set are shown.", sourceEditorial},
		{"Step2Target", g, itoa(Step2Strong), "The Step 2 CK score suggested while the exam is not yet taken: the strong threshold.", sourceGuide},
	}
}

func backupRules() []Rule {
	const g = "backup"
	return []Rule{
		{"FiguresSeason", g, itoa(FiguresSeason), "The Main Residency Match whose positions, fill rates and IMG shares measure each backup's openness to IMGs.", sourceNRMP2025},
		{"AccessibilityIndex", g, "non-US IMG share + unfilled share", "A specialty's openness to IMGs, in percentage points: the share of filled positions that went to non-US IMGs plus the share of positions left unfilled for SOAP.", sourceEditorial + ", from " + sourceNRMP2025},
		{"InterestPointsPerLevel", g, itoa(InterestPointsPerLevel), "Points each level (0 to 3) of the matching interest adds: operating room work for General Surgery, diagnosis for Internal Medicine, breadth and lifestyle for Family Medicine, children for Pediatrics, neuroscience for Neurology, acute care for Emergency Medicine.", sourceEditorial + "; the pairings follow the " + sourceGuide},
		{"AccessWeightTier1Percent", g, itoa(AccessWeightTier1Percent) + "%", "How much of the accessibility index counts for a Tier 1 applicant.", sourceEditorial},
		{"AccessWeightUpperTier2Percent", g, itoa(AccessWeightUpperTier2Percent) + "%", "How much of the accessibility index counts for an upper Tier 2 applicant.", sourceEditorial},
		{"AccessWeightLowerTier2Percent", g, itoa(AccessWeightLowerTier2Percent) + "%", "How much of the accessibility index counts for a lower Tier 2 applicant.", sourceEditorial},
		{"AccessWeightTier3Percent", g, itoa(AccessWeightTier3Percent) + "%", "How much of the accessibility index counts for a Tier 3 applicant.", sourceEditorial},
		{"FMFlexibilityBonus", g, itoa(FMFlexibilityBonus), "Points added to Family Medicine for a Step 2 CK below strong, a failed attempt or graduation more than " + itoa(RecentGraduationYears) + " years before the Match.", sourceGuide + " (Family Medicine is often the most accessible with moderate scores or graduation gaps); the points are an " + sourceEditorial},
		{"IMFlexibilityBonus", g, itoa(IMFlexibilityBonus), "Points added to Internal Medicine for a failed attempt or graduation more than " + itoa(RecentGraduationYears) + " years before the Match.", sourceGuide + " (some programs are flexible with attempts and older graduation); the points are an " + sourceEditorial},
		{"GSOutOfReachPenalty", g, itoa(GSOutOfReachPenalty), "Points taken from General Surgery below upper Tier 2, where it is not a real backup.", sourceGuide + " (General Surgery suits Tier 1 or strong Tier 2); the points are an " + sourceEditorial},
		{"EMVisaPenalty", g, itoa(EMVisaPenalty), "Points taken from Emergency Medicine when a visa is needed.", sourceGuide + " (its openness to IMGs is region-specific and visa-dependent); the points are an " + sourceEditorial},
		{"H1BSmallSpecialtyPenalty", g, itoa(H1BSmallSpecialtyPenalty), "Points taken, when an H-1B visa is needed, from each specialty with fewer than " + itoa(H1BBroadSpecialtyPrograms) + " programs, which would offer few H-1B programs if it sponsored as rarely as Internal Medicine.", sourceEditorial},
		{"H1BBroadSpecialtyPrograms", g, itoa(H1BBroadSpecialtyPrograms), "Programs from which a specialty counts as broad enough to escape the H-1B penalty.", sourceEditorial},
		{"VisaStudyPrograms", g, itoa(VisaStudyPrograms), "Internal Medicine programs in the 2022 visa study quoted in the H-1B cautions. No such figure was found for the other specialties.", sourceVisaStudy},
		{"VisaStudyJ1Percent", g, formatPercent(VisaStudyJ1Percent), "Share of those Internal Medicine programs that accepted J-1 visas.", sourceVisaStudy},
		{"VisaStudyH1BPercent", g, "about " + itoa(VisaStudyH1BPercent) + "%", "Share of those Internal Medicine programs that also sponsored H-1B visas.", sourceVisaStudy},
		{"BackupTieBreak", g, "higher non-US IMG share, then gs, im, fm, peds, neuro, em", "How backups with equal scores are ordered.", sourceEditorial},
		{"BackupChosen", g, "the top-ranked backup", "The backup the application plan, letters and timeline use.", sourceEditorial},
	}
}

// countRules lists the program counts of every tier and the rules that
// adjust them.
func countRules() []Rule {
	const g = "applications"
	var rules []Rule
	for _, r := range applicationRules {
		tier := r.Tier.String()
		for _, side := range []struct {
			name  string
			count CountRange
		}{{"ENT", r.ENT}, {"Backup", r.Backup}} {
			c := side.count
			rules = append(rules, Rule{
				Name:        tier + " " + side.name + " programs",
				Group:       g,
				Value:       itoa(c.Min) + "-" + itoa(c.Max) + ", recommended " + itoa(c.Recommended) + ", floor " + itoa(c.Floor),
				Description: side.name + " programs for " + tier + ": the range, the count chosen before any budget, and the fewest a budget may cut them to.",
				Source:      c.Source,
			})
		}
		first := "the backup list"
		if r.TrimFirst == SideENT {
			first = "the ENT list"
		}
		rules = append(rules, Rule{Name: tier + " budget order", Group: g, Value: "trim " + first + " first",
			Description: "Which side a budget cuts first for " + tier + ": the one that matters less for the tier. " + r.Strategy,
			Source:      sourceGuide + " (the strategy); " + sourceEditorial + " (the order)"})
	}
	return append(rules,
		Rule{"UpperTier2UsesENTMax", g, strconv.FormatBool(UpperTier2UsesENTMax), "An upper Tier 2 applicant applies to the top of the Tier 2 ENT range.", sourceEditorial},
		Rule{"H1BUsesBackupMax", g, strconv.FormatBool(H1BUsesBackupMax), "An applicant who needs an H-1B visa applies to the top of the backup range, because fewer programs sponsor H-1B.", sourceGuide + ": backup counts depend on budget and visa needs"},
		Rule{"RankedPercentOfApplications", g, itoa(RankedPercentOfApplications) + "%", "The share of applications expected to end on the rank list, used only to estimate NRMP extra-rank fees. No sourced interview rate for IMGs was found.", sourceEditorial},
		Rule{"Step3InPlan", g, "H-1B needed and Step 3 not passed", "When the plan includes Step 3 and its fee: an H-1B petition requires Step 3 passed.", sourceVisaStudy},
	)
}

func feeRules() []Rule {
	const g = "fees"
	rules := []Rule{
		{"ERASTokenFee", g, formatUSD(ERASTokenFee), "The ECFMG token an IMG buys to use ERAS, non-refundable.", sourceToken + " ($165 in the 2024 season, reported unchanged in 2025)"},
		{"TranscriptFee", g, formatUSD(TranscriptFee), "The USMLE transcript fee, charged once per season by each service used: ERAS and ResidencyCAS each charge their own.", sourceERAS2024 + " and SAEM (2024 and 2026 seasons)"},
		{"NRMPRegistrationFee", g, formatUSD(NRMPRegistrationFee), "The Main Residency Match registration fee.", sourceNRMP2024},
		{"NRMPRanksIncluded", g, itoa(NRMPRanksIncluded), "Ranked programs the registration fee covers.", sourceNRMP2024},
		{"NRMPExtraRankFee", g, formatUSD(NRMPExtraRankFee), "The fee per ranked program beyond those the registration covers.", sourceNRMP2024},
		{"Step3Fee2024", g, formatUSD(Step3Fee2024), "The USMLE Step 3 fee in 2024.", sourceStep3},
		{"Step3Fee2025", g, formatUSD(Step3Fee2025), "The USMLE Step 3 fee for eligibility periods ending in 2025, the latest found.", sourceStep3},
		{"LatestFeeSeason", g, itoa(feeSchedules[len(feeSchedules)-1].Season), "The latest published fee season; a plan for a later Match uses it and says so.", sourceERAS2025},
	}
	for _, s := range feeSchedules {
		season := itoa(s.Season) + " season"
		rules = append(rules, Rule{Name: "ERAS bands, " + season, Group: g, Value: bandsText(s.ERAS),
			Description: "ERAS application fees per specialty in the " + season + "; each specialty starts again at the first band.", Source: s.ERASSource})
		if s.EMService == ServiceResidencyCAS {
			rules = append(rules, Rule{Name: "ResidencyCAS bands, " + season, Group: g, Value: bandsText(s.ResidencyCAS),
				Description: "Emergency Medicine applies through ResidencyCAS, not ERAS, in the " + season + ".", Source: s.ResidencyCASSource})
		}
	}
	return rules
}

// bandsText writes fee bands as "1-30: $11 each; 31 and more: $30 each".
func bandsText(bands FeeBands) string {
	out := ""
	for i, b := range bands {
		if i > 0 {
			out += "; "
		}
		if b.To == 0 {
			out += itoa(b.From) + " and more: "
		} else {
			out += itoa(b.From) + "-" + itoa(b.To) + ": "
		}
		if b.Flat > 0 {
			out += formatUSD(b.Flat) + " in all"
		} else {
			out += formatUSD(b.PerProgram) + " each"
		}
	}
	return out
}

func letterRules() []Rule {
	const g = "letters"
	return []Rule{
		{"ENTLettersMin", g, itoa(ENTLettersMin), "The fewest ENT letters an ENT application needs; US letters count most.", sourceGuide},
		{"ENTLettersTarget", g, itoa(ENTLettersTarget), "The ENT letters an ENT application aims for.", sourceGuide},
		{"ENTCloseFieldMin", g, itoa(ENTCloseFieldMin), "The fewest letters from surgery an ENT application adds.", sourceGuide},
		{"ENTCloseFieldTarget", g, itoa(ENTCloseFieldTarget), "The letters from surgery an ENT application aims for.", sourceGuide},
		{"BackupSpecialtyLettersMin", g, itoa(BackupSpecialtyLettersMin), "The fewest letters from the backup specialty itself.", sourceGuide},
		{"BackupGeneralMin", g, itoa(BackupGeneralMin), "The fewest general letters a backup application adds.", sourceGuide},
		{"BackupGeneralTarget", g, itoa(BackupGeneralTarget), "The general letters a backup application aims for.", sourceGuide},
		{"MaxLettersPerProgram", g, itoa(MaxLettersPerProgram), "The most letters ERAS sends to one program.", "ERAS rule (up to four letters per program); confirm on AAMC's ERAS pages"},
		{"ENTLettersToBackup", g, "only to fill a general slot", "ENT letters go to a primary-care backup only when no other letter fills a general slot, and only if they speak to skills that carry over.", sourceGuide},
	}
}

func timelineRules() []Rule {
	const g = "timeline"
	return []Rule{
		{"CalendarExactSeason", g, itoa(CalendarExactSeason), "The Match whose season dates were published; other seasons repeat its dates and are marked approximate.", sourceERASTimeline},
		{"MatchDay", g, "third Friday of March", "Match Day: March 20 in 2026; other years follow the same pattern.", sourceNRMPApr2025},
		{"MatchWeekDaysBeforeMatchDay", g, itoa(MatchWeekDaysBeforeMatchDay), "Days from the Monday of Match Week, with SOAP, to Match Day.", sourceNRMPApr2025},
		{"RankDeadlineDaysBeforeMatchDay", g, itoa(RankDeadlineDaysBeforeMatchDay), "Days from the rank order list deadline to Match Day, an estimate: the 2026 deadline was not found.", "2025 Match: deadline March 5, Match Day March 21"},
		{"InterviewSeason", g, "October 1 to January 31", "The interview season shown on the timeline.", sourceEditorial + ": no official dates"},
		{"BackupRotationMonthsAfterOpening", g, itoa(BackupRotationMonthsAfterOpening), "Months after applications open at which the backup rotation starts, in the middle of the cycle.", sourceGuide + " (a mid-cycle backup rotation); the month is an " + sourceEditorial},
		{"Step3Target", g, "December 1 before the Match", "When an applicant who needs an H-1B visa should take Step 3, so the result is in before ranking.", sourceEditorial},
		{"ENTLettersBy", g, "when applications open", "Two ENT letters should be in before applications open.", sourceGuide},
	}
}

func signalRules() []Rule {
	const g = "signals"
	return []Rule{
		{"ENTSignals", g, itoa(ENTSignals), "ENT program signals each applicant has, since the 2024 Match.", sourceSignals},
		{"SignaledInterviewPercent", g, itoa(SignaledInterviewPercent) + "%", "Share of interview offers that came from signaled programs in the 2023-24 cycle.", sourceSignals},
	}
}
