package plan

import "slices"

// Side is one half of a dual application.
type Side string

const (
	SideENT    Side = "ent"
	SideBackup Side = "backup"
)

// CountRange is the number of programs one side of a tier's plan applies to.
type CountRange struct {
	Min int `json:"min"`
	Max int `json:"max"`
	// Recommended is the count chosen inside [Min, Max] before any budget.
	Recommended int `json:"recommended"`
	// Floor is the fewest programs a budget may cut this side to.
	Floor  int    `json:"floor"`
	Source string `json:"source"`
}

// ApplicationRule is one tier's dual-application plan.
type ApplicationRule struct {
	Tier   Tier       `json:"tier"`
	ENT    CountRange `json:"ent"`
	Backup CountRange `json:"backup"`
	// TrimFirst is the side a budget cuts first: the one that matters less
	// for the tier.
	TrimFirst Side   `json:"trim_first"`
	Strategy  string `json:"strategy"`
}

// applicationRules are the program counts per tier. The source guide gives
// the Tier 1 ENT range (80 to 100 or more) and the Tier 2 backup range (80
// to 120). The other ranges, every recommended count and every floor are
// editorial defaults.
var applicationRules = [...]ApplicationRule{
	{
		Tier: Tier1,
		ENT: CountRange{Min: 80, Max: 100, Recommended: 90, Floor: 80,
			Source: "Range: source guide (apply broadly, 80 to 100 or more if feasible). Recommended count (the middle of the range) and floor (its lower end): editorial default."},
		Backup: CountRange{Min: 15, Max: 25, Recommended: 20, Floor: 10,
			Source: "Editorial default for the source guide's \"modest number\" of backup applications."},
		TrimFirst: SideBackup,
		Strategy:  "Apply broadly to ENT and add a modest backup list, ideally at hospitals where you already did research or rotations.",
	},
	{
		Tier: Tier2,
		ENT: CountRange{Min: 15, Max: 30, Recommended: 20, Floor: 10,
			Source: "Editorial default for the source guide's selective ENT list."},
		Backup: CountRange{Min: 80, Max: 120, Recommended: 100, Floor: 80,
			Source: "Range: source guide (80 to 120, depending on budget and visa needs). Recommended count (the middle of the range) and floor (its lower end): editorial default."},
		TrimFirst: SideENT,
		Strategy:  "Apply selectively to ENT programs that have interviewed or matched IMGs and accept J-1 visas, and put your main effort into a broad backup list.",
	},
	{
		Tier: Tier3,
		ENT: CountRange{Min: 0, Max: 10, Recommended: 5, Floor: 0,
			Source: "Editorial default for the source guide's ENT reach of a few programs."},
		Backup: CountRange{Min: 100, Max: 150, Recommended: 125, Floor: 100,
			Source: "Editorial default for the source guide's broad backup list."},
		TrimFirst: SideENT,
		Strategy:  "Treat ENT as a reach of a few programs, only if you are ready for a likely non-match, and send most applications to an accessible backup.",
	},
}

// ApplicationRules returns the program counts of every tier, Tier 1 first.
func ApplicationRules() []ApplicationRule { return slices.Clone(applicationRules[:]) }

// applicationRule returns the rule of the given tier.
//
//go:noinline
func applicationRule(t Tier) ApplicationRule {
	for _, r := range applicationRules {
		if r.Tier == t {
			return r
		}
	}
	return applicationRules[len(applicationRules)-1]
}

// RankedPercentOfApplications is the share of applications the plan expects
// to end up on the rank list, used only to estimate NRMP extra-rank fees.
// No sourced interview rate for IMGs was found, so this is an editorial
// default.
const RankedPercentOfApplications = 10

// UpperTier2UsesENTMax gives an upper Tier 2 applicant the top of the Tier 2
// ENT range instead of its recommended count (editorial default).
const UpperTier2UsesENTMax = true

// H1BUsesBackupMax gives an applicant who needs an H-1B visa the top of the
// backup range, because fewer programs sponsor H-1B (source guide: backup
// counts depend on budget and visa needs).
const H1BUsesBackupMax = true

// Applications is the number of programs the plan applies to on each side.
type Applications struct {
	ENTPrograms     int       `json:"ent_programs"`
	BackupPrograms  int       `json:"backup_programs"`
	BackupSpecialty Specialty `json:"backup_specialty"`
	BackupName      string    `json:"backup_name"`
	// ENTRecommended and BackupRecommended are the counts before the budget.
	ENTRecommended    int             `json:"ent_recommended"`
	BackupRecommended int             `json:"backup_recommended"`
	Rule              ApplicationRule `json:"rule"`
	// EstimatedRanks is the rank-list length the fees assume.
	EstimatedRanks int      `json:"estimated_ranks"`
	Reasons        []string `json:"reasons"`
}

// CostItem is one line of the fee estimate.
type CostItem struct {
	_ noCompare
	// ID is a stable identifier: eras_ent, eras_backup, residencycas_backup,
	// token, transcript_eras, transcript_residencycas, nrmp_registration,
	// nrmp_extra_ranks or step3.
	ID     string `json:"id"`
	Label  string `json:"label"`
	Amount int    `json:"amount"`
	Source string `json:"source"`
}

// BudgetStatus is the plan's standing against the applicant's budget.
type BudgetStatus string

const (
	BudgetUnlimited BudgetStatus = "unlimited" // no budget given
	BudgetFits      BudgetStatus = "fits"      // the recommended plan fits
	BudgetTrimmed   BudgetStatus = "trimmed"   // counts were cut to fit
	BudgetShortfall BudgetStatus = "shortfall" // even the floors do not fit
)

// BudgetResult compares the plan's cost with the budget.
type BudgetResult struct {
	// Limit is the budget in US dollars, or NoBudget.
	Limit  int          `json:"limit"`
	Status BudgetStatus `json:"status"`
	// Shortfall is how many dollars the smallest plan exceeds the budget by;
	// 0 unless Status is BudgetShortfall.
	Shortfall int    `json:"shortfall"`
	Message   string `json:"message"`
}

// Cost is the fee estimate of the plan.
type Cost struct {
	// Season is the fee season used. SeasonNote explains the choice when the
	// season differs from the Match year.
	Season     int          `json:"season"`
	SeasonNote string       `json:"season_note,omitempty"`
	Items      []CostItem   `json:"items"`
	Total      int          `json:"total"`
	Budget     BudgetResult `json:"budget"`
}

// applicationMix is the program counts and options the fees depend on.
type applicationMix struct {
	ent, backup int
	specialty   Specialty
	step3       bool
}

// ranks estimates the rank-list length, rounding up.
func (m applicationMix) ranks() int {
	apps := m.ent + m.backup
	return (apps*RankedPercentOfApplications + 99) / 100
}

// planApplications chooses the program counts for the tier, prices them in
// the fee season of the Match year and fits them to the budget.
func planApplications(p Profile, a Assessment, backup Specialty) (Applications, Cost) {
	rule := applicationRule(a.Tier)
	schedule, note := scheduleFor(p.MatchYear)
	m := applicationMix{
		ent:       rule.ENT.Recommended,
		backup:    rule.Backup.Recommended,
		specialty: backup,
		step3:     step3Needed(p),
	}

	var reasons []string
	appendTo(&reasons, rule.Strategy)
	if a.Tier == Tier2 && a.Band == BandUpper && UpperTier2UsesENTMax {
		m.ent = rule.ENT.Max
		appendTo(&reasons, "As an upper Tier 2 applicant you get the top of the selective ENT range: "+itoa(m.ent)+" programs.")
	}
	if p.Visa == VisaH1B && H1BUsesBackupMax {
		m.backup = rule.Backup.Max
		appendTo(&reasons, "Because you need an H-1B visa, which fewer programs sponsor, the backup list takes the top of its range: "+itoa(m.backup)+" programs.")
	}
	recommended := m

	fitted, budget := fitBudget(schedule, rule, m, p)
	items := schedule.items(fitted)
	total := 0
	for _, it := range items {
		total += it.Amount
	}
	if budget.Status == BudgetShortfall {
		budget.Shortfall = total - p.Budget
	}
	budget.Message = budgetMessage(budget, a.Tier, recommended, fitted, total)

	apps := Applications{
		ENTPrograms:       fitted.ent,
		BackupPrograms:    fitted.backup,
		BackupSpecialty:   backup,
		BackupName:        backup.Name(),
		ENTRecommended:    recommended.ent,
		BackupRecommended: recommended.backup,
		Rule:              rule,
		EstimatedRanks:    fitted.ranks(),
		Reasons: append(reasons,
			"ENT: "+rangeText(rule.ENT, recommended.ent)+".",
			backup.Name()+": "+rangeText(rule.Backup, recommended.backup)+".",
		),
	}
	cost := Cost{Season: schedule.Season, SeasonNote: note, Items: items, Total: total, Budget: budget}
	return apps, cost
}

// step3Needed reports whether the plan pays for Step 3: an H-1B petition
// requires Step 3 passed, so the plan includes it when H-1B is needed and
// Step 3 is not yet passed.
func step3Needed(p Profile) bool {
	return p.Visa == VisaH1B && p.Step3 != Step3Passed
}

// rangeText describes a count range and the count chosen in it: "80 to 100
// programs for your tier, 90 recommended, and never fewer than 80 to fit a
// budget".
func rangeText(r CountRange, chosen int) string {
	text := itoa(r.Min) + " to " + itoa(r.Max) + " programs for your tier, " + itoa(chosen) + " recommended"
	if r.Floor == 0 {
		return text + ", and a tight budget may drop them all"
	}
	return text + ", and never fewer than " + itoa(r.Floor) + " to fit a budget"
}

// fitBudget cuts the mix until it fits the budget: first the side the tier
// trims first, down to its floor, then the other side down to its floor.
// Fees only grow with the count, so counting down one program at a time
// keeps the largest count that fits.
func fitBudget(s FeeSchedule, rule ApplicationRule, m applicationMix, p Profile) (applicationMix, BudgetResult) {
	result := BudgetResult{Limit: p.Budget}
	if !p.HasBudget() {
		result.Limit = NoBudget
		result.Status = BudgetUnlimited
		return m, result
	}
	if s.total(m) <= p.Budget {
		result.Status = BudgetFits
		return m, result
	}

	sides := [2]Side{SideENT, SideBackup}
	if rule.TrimFirst == SideBackup {
		sides = [2]Side{SideBackup, SideENT}
	}
	for _, side := range sides {
		count, floor := &m.ent, rule.ENT.Floor
		if side == SideBackup {
			count, floor = &m.backup, rule.Backup.Floor
		}
		for *count > floor && s.total(m) > p.Budget {
			*count--
		}
	}

	result.Status = BudgetTrimmed
	if s.total(m) > p.Budget {
		result.Status = BudgetShortfall
	}
	return m, result
}

// total returns the sum of the mix's fees. It must agree with items.
func (s FeeSchedule) total(m applicationMix) int {
	total := s.ERAS.Cost(m.ent) + s.ApplicationFee(m.specialty, m.backup)
	eras, rcas := s.servicesUsed(m)
	if eras {
		total += s.Token.Amount + s.Transcript.Amount
	}
	if rcas {
		total += s.Transcript.Amount
	}
	if m.ent+m.backup > 0 {
		total += s.NRMPRegistration.Amount + s.extraRanks(m)*s.NRMPExtraRank.Amount
	}
	if m.step3 {
		total += s.Step3.Amount
	}
	return total
}

// servicesUsed reports whether the mix applies through ERAS and through
// ResidencyCAS.
//
//go:noinline
func (s FeeSchedule) servicesUsed(m applicationMix) (eras, rcas bool) {
	eras = m.ent > 0
	if m.backup > 0 {
		if s.ServiceFor(m.specialty) == ServiceResidencyCAS {
			rcas = true
		} else {
			eras = true
		}
	}
	return eras, rcas
}

// extraRanks returns how many estimated ranks the NRMP registration does not cover.
func (s FeeSchedule) extraRanks(m applicationMix) int {
	return max(0, m.ranks()-s.NRMPRanksIncluded)
}

// items lists the mix's fees as line items, leaving out those that do not apply.
func (s FeeSchedule) items(m applicationMix) []CostItem {
	items := make([]CostItem, 0, 9)
	if m.ent > 0 {
		addCost(&items, "eras_ent", "ERAS applications: "+plural(m.ent, "Otolaryngology program", "Otolaryngology programs"),
			Fee{s.ERAS.Cost(m.ent), s.ERASSource})
	}
	if m.backup > 0 {
		service := s.ServiceFor(m.specialty)
		id, source := "eras_backup", s.ERASSource
		if service == ServiceResidencyCAS {
			id, source = "residencycas_backup", s.ResidencyCASSource
		}
		addCost(&items, id, service.Name()+" applications: "+plural(m.backup, m.specialty.Name()+" program", m.specialty.Name()+" programs"),
			Fee{s.ApplicationFee(m.specialty, m.backup), source})
	}

	eras, rcas := s.servicesUsed(m)
	if eras {
		addCost(&items, "token", "ECFMG token to use ERAS", s.Token)
		addCost(&items, "transcript_eras", "USMLE transcript sent through ERAS", s.Transcript)
	}
	if rcas {
		addCost(&items, "transcript_residencycas", "USMLE transcript sent through ResidencyCAS", s.Transcript)
	}

	if m.ent+m.backup > 0 {
		addCost(&items, "nrmp_registration", "NRMP Match registration, covering "+itoa(s.NRMPRanksIncluded)+" ranked programs",
			s.NRMPRegistration)
		if extra := s.extraRanks(m); extra > 0 {
			addCost(&items, "nrmp_extra_ranks", "NRMP fee for "+plural(extra, "extra ranked program", "extra ranked programs")+" (estimate)",
				Fee{extra * s.NRMPExtraRank.Amount,
					s.NRMPExtraRank.Source + "; rank-list length estimated as " + itoa(RankedPercentOfApplications) + "% of applications (editorial default)"})
		}
	}
	if m.step3 {
		addCost(&items, "step3", "USMLE Step 3, needed before an H-1B petition", s.Step3)
	}
	return items
}

// addCost appends one line item. It is a function, not inlined appends,
// because each inlined append of a CostItem costs the .wasm several
// hundred bytes.
//
//go:noinline
func addCost(items *[]CostItem, id, label string, fee Fee) {
	*items = append(*items, CostItem{ID: id, Label: label, Amount: fee.Amount, Source: fee.Source})
}

// budgetMessage explains the budget result in a sentence or two.
func budgetMessage(b BudgetResult, tier Tier, recommended, fitted applicationMix, total int) string {
	limit := formatUSD(b.Limit)
	switch b.Status {
	case BudgetUnlimited:
		return "No budget was given, so the plan keeps the recommended counts. It costs " + formatUSD(total) + "."
	case BudgetFits:
		return "The plan costs " + formatUSD(total) + ", within your budget of " + limit + "."
	case BudgetShortfall:
		return "Your budget of " + limit + " does not cover the smallest plan for " + tier.String() + " (our editorial floors): " +
			plural(fitted.ent, "ENT program", "ENT programs") + " and " +
			plural(fitted.backup, fitted.specialty.Name()+" program", fitted.specialty.Name()+" programs") +
			", with the fixed fees, cost " + formatUSD(total) + ", which is " + formatUSD(b.Shortfall) +
			" more than your budget. Our advice: raise the budget or plan for a later Match rather than apply with less."
	}
	var cuts []string
	if fitted.ent < recommended.ent {
		appendTo(&cuts, "ENT programs from "+itoa(recommended.ent)+" to "+itoa(fitted.ent))
	}
	if fitted.backup < recommended.backup {
		appendTo(&cuts, fitted.specialty.Name()+" programs from "+itoa(recommended.backup)+" to "+itoa(fitted.backup))
	}
	return "To fit your budget of " + limit + ", the plan cuts " + joinList(cuts, "and") + ". It now costs " + formatUSD(total) + "."
}
