package plan

import "time"

// ENT program signals. Since the 2024 Match each ENT applicant has 25
// signals. In an applicant survey of the 2023-24 cycle, 84% of interview
// offers came from signaled programs (https://pmc.ncbi.nlm.nih.gov/articles/PMC11496986).
const (
	ENTSignals               = 25
	SignaledInterviewPercent = 84
	sourceSignals            = "Applicant survey of the 2023-24 ENT cycle: https://pmc.ncbi.nlm.nih.gov/articles/PMC11496986"
)

// SignalAdvice is the advice on spending the ENT program signals.
type SignalAdvice struct {
	Signals          int      `json:"signals"`
	ENTPrograms      int      `json:"ent_programs"`
	InterviewPercent int      `json:"interview_percent"`
	Advice           []string `json:"advice"`
	Source           string   `json:"source"`
}

// signalAdvice tailors the signals advice to the ENT list and the tier.
func signalAdvice(a Assessment, entPrograms int) SignalAdvice {
	s := SignalAdvice{Signals: ENTSignals, ENTPrograms: entPrograms, InterviewPercent: SignaledInterviewPercent, Source: sourceSignals}
	signals := itoa(ENTSignals)
	if entPrograms == 0 {
		s.Advice = []string{"This plan sends no ENT applications, so your " + signals + " ENT program signals go unused."}
		return s
	}
	appendTo(&s.Advice, "You have "+signals+" ENT program signals. In a survey of the 2023-24 cycle, "+
		itoa(SignaledInterviewPercent)+"% of interview offers came from programs the applicant had signaled, so a signal is worth far more than an extra application.")
	if entPrograms <= ENTSignals {
		appendTo(&s.Advice, "Your ENT list has "+itoa(entPrograms)+" programs, so signal every one of them.")
	} else {
		appendTo(&s.Advice, "Your ENT list has "+itoa(entPrograms)+" programs, more than your signals: signal those where you rotated, did research or have another real connection, then those with a record of interviewing IMGs, and expect few interviews from the rest.")
	}
	if a.Tier != Tier1 {
		appendTo(&s.Advice, "Spend them on programs that have interviewed or matched IMGs and accept your visa.")
	}
	return s
}

// Outcome is a checklist for one result of the Match.
type Outcome struct {
	// ID is matched_ent, matched_backup or unmatched.
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Steps []string `json:"steps"`
}

// planOutcomes writes the checklists for matching ENT, matching the top
// backup, and not matching.
func planOutcomes(p Profile, backup BackupOption, matchWeek time.Time) []Outcome {
	name := backup.Name
	matchedENT := Outcome{ID: "matched_ent", Title: "You match in ENT", Steps: stringList(
		"Celebrate, then commit fully to becoming the best ENT resident you can be.",
		"Keep in touch with your "+name+" mentors: they can remain research partners and colleagues in shared patient care.",
		"Note what strengthened your application, such as research, exam timing or rotations, so you can build on it and pass it on.",
	)}

	matchedBackup := Outcome{ID: "matched_backup", Title: "You match in " + name, Steps: stringList(
		"You have entered US residency training, which is a major achievement, and many physicians come to love their backup specialty once they practice it.",
		"Decide early whether to commit fully to "+name+" or to aim for an ENT-related path such as "+joinOr(backup.ENTPaths)+".",
		"If you aim for one of those paths, find a mentor and a research project in it during your first year.",
	)}
	if p.Visa == VisaJ1 {
		appendTo(&matchedBackup.Steps, "A J-1 visa carries a two-year home-residence requirement, often waived through Conrad 30 service: plan for it before you choose a fellowship.")
	}

	unmatched := Outcome{ID: "unmatched", Title: "You do not match", Steps: stringList(
		"Do not react on impulse: ask a few program directors or advisors for an honest review of your scores, US experience, letters, interviews and visa situation.",
		"Consider a strengthening year: a US research position in ENT or "+name+", more US clinical experience at IMG-friendly programs, and work on communication if it was raised.",
		"Re-evaluate ENT against your backup: if your ENT chances remain very low, put your main effort into "+name+" or a more accessible specialty such as "+joinOr(accessibleAlternatives(backup.Specialty))+".",
		"Be ready for SOAP in Match Week, from "+formatDate(matchWeek)+": have personal statements and letters for several specialties, and put staying in the US training system ahead of prestige.",
	)}
	if step3Needed(p) {
		appendTo(&unmatched.Steps, "Pass Step 3 during the year, because an H-1B petition requires it.")
	}
	return []Outcome{matchedENT, matchedBackup, unmatched}
}

// stringList returns a new slice of the items. The callers' argument
// arrays stay on the stack, where slice literals would each need an array
// type and equality function in the .wasm.
//
//go:noinline
func stringList(items ...string) []string {
	return append([]string(nil), items...)
}

// accessibleAlternatives returns Internal Medicine and Family Medicine,
// the source guide's accessible fallbacks, leaving out the chosen backup.
func accessibleAlternatives(backup Specialty) []string {
	var names []string
	for _, s := range []Specialty{SpecialtyIM, SpecialtyFM} {
		if s != backup {
			appendTo(&names, s.Name())
		}
	}
	return names
}
