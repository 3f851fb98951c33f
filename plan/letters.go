package plan

// Letter needs. For ENT the source guide calls for 2-3 ENT letters (US ones
// count most) plus 1-2 from surgery or a close field. For each backup it
// calls for at least 2 letters from that specialty plus 1-2 general ones.
const (
	// ENTLettersMin and ENTLettersTarget bound the ENT letters an ENT
	// application needs (source guide: 2-3 letters from ENT faculty).
	ENTLettersMin    = 2
	ENTLettersTarget = 3
	// ENTCloseFieldMin and ENTCloseFieldTarget bound the letters from surgery
	// an ENT application adds (source guide: 1-2 from surgery or a closely
	// related field).
	ENTCloseFieldMin    = 1
	ENTCloseFieldTarget = 2
	// BackupSpecialtyLettersMin is the fewest letters from the backup
	// specialty itself (source guide: at least 2).
	BackupSpecialtyLettersMin = 2
	// BackupGeneralMin and BackupGeneralTarget bound the general letters a
	// backup application adds (source guide: 1-2 more general letters).
	BackupGeneralMin    = 1
	BackupGeneralTarget = 2
	// MaxLettersPerProgram is the most letters ERAS sends to one program.
	// NOTE: this is ERAS's published rule of up to four letters per program;
	// it is not in the fee and calendar sources cited elsewhere, so the
	// method page shows it as an ERAS rule to confirm on AAMC's site.
	MaxLettersPerProgram = 4
)

// Writer is the kind of letter writer, named after the form field that
// counts that kind of letter.
type Writer string

const (
	WriterENTUS   Writer = FieldLettersENTUS
	WriterENTIntl Writer = FieldLettersENTIntl
	WriterSurgery Writer = FieldLettersSurgery
	WriterIM      Writer = FieldLettersIM
	WriterFM      Writer = FieldLettersFM
	WriterPeds    Writer = FieldLettersPeds
	WriterNeuro   Writer = FieldLettersNeuro
	WriterEM      Writer = FieldLettersEM
	WriterOther   Writer = FieldLettersOther
)

// Label returns the kind of writer for display.
//
//go:noinline
func (w Writer) Label() string {
	switch w {
	case WriterENTUS:
		return "US otolaryngologist"
	case WriterENTIntl:
		return "otolaryngologist outside the US"
	case WriterSurgery:
		return "surgeon"
	case WriterIM:
		return "internist"
	case WriterFM:
		return "family physician"
	case WriterPeds:
		return "pediatrician"
	case WriterNeuro:
		return "neurologist"
	case WriterEM:
		return "emergency physician"
	}
	return "other writer"
}

// LabelFor returns the kind of writer for n letters: "1 surgeon" reads
// "surgeon", and more than one "surgeons" or "otolaryngologists outside the US".
//
//go:noinline
func (w Writer) LabelFor(n int) string {
	label := w.Label()
	if n == 1 {
		return label
	}
	if w == WriterENTIntl {
		return "otolaryngologists outside the US"
	}
	return label + "s"
}

// held returns how many letters of one kind the applicant holds.
//
//go:noinline
func (l Letters) held(w Writer) int {
	switch w {
	case WriterENTUS:
		return l.ENTUS
	case WriterENTIntl:
		return l.ENTIntl
	case WriterSurgery:
		return l.Surgery
	case WriterIM:
		return l.IM
	case WriterFM:
		return l.FM
	case WriterPeds:
		return l.Peds
	case WriterNeuro:
		return l.Neuro
	case WriterEM:
		return l.EM
	}
	return l.Other
}

// specialtyWriter returns the writer whose letters speak for a backup.
func specialtyWriter(s Specialty) Writer {
	switch s {
	case SpecialtyGS:
		return WriterSurgery
	case SpecialtyIM:
		return WriterIM
	case SpecialtyFM:
		return WriterFM
	case SpecialtyPeds:
		return WriterPeds
	case SpecialtyNeuro:
		return WriterNeuro
	case SpecialtyEM:
		return WriterEM
	}
	return WriterOther
}

// generalWriters are the non-ENT writers in the order their letters fill a
// program's general slots.
var generalWriters = [...]Writer{WriterOther, WriterIM, WriterFM, WriterPeds, WriterNeuro, WriterEM, WriterSurgery}

// LetterNeed is one group of letters: how many the applicant holds and how
// many the application needs.
type LetterNeed struct {
	_      noCompare
	Group  string `json:"group"`
	Held   int    `json:"held"`
	Min    int    `json:"min"`
	Target int    `json:"target"`
	// Missing is the number of letters still needed to reach Min.
	Missing int `json:"missing"`
}

// AssignedLetter is a number of letters of one kind sent to a set of programs.
type AssignedLetter struct {
	_      noCompare
	Writer Writer `json:"writer"`
	Label  string `json:"label"`
	Count  int    `json:"count"`
}

// LetterAssignment is the set of letters sent to one specialty's programs
// in ERAS or ResidencyCAS.
type LetterAssignment struct {
	Specialty Specialty        `json:"specialty"`
	Name      string           `json:"name"`
	Letters   []AssignedLetter `json:"letters"`
	// Total is the letters each of these programs receives, at most
	// MaxLettersPerProgram.
	Total int      `json:"total"`
	Notes []string `json:"notes"`
}

// LetterPlan compares the letters held with those needed for ENT and the
// top backup, and assigns letters to each specialty's programs.
type LetterPlan struct {
	ENT             []LetterNeed       `json:"ent"`
	Backup          []LetterNeed       `json:"backup"`
	BackupSpecialty Specialty          `json:"backup_specialty"`
	Gaps            []string           `json:"gaps"`
	Assignments     []LetterAssignment `json:"assignments"`
	MaxPerProgram   int                `json:"max_per_program"`
}

// planLetters builds the letter plan for ENT and the chosen backup. With no
// ENT programs in the plan, ENT letters are neither needed nor assigned.
func planLetters(p Profile, backup Specialty, entPrograms int) LetterPlan {
	l := p.Letters
	own := specialtyWriter(backup)
	lp := LetterPlan{BackupSpecialty: backup, MaxPerProgram: MaxLettersPerProgram}

	general := 0
	for _, w := range generalWriters {
		if w != own {
			general += l.held(w)
		}
	}
	lp.ENT = []LetterNeed{
		need("ENT letters", l.ENTUS+l.ENTIntl, ENTLettersMin, ENTLettersTarget),
		need("Letters from surgery", l.Surgery, ENTCloseFieldMin, ENTCloseFieldTarget),
	}
	lp.Backup = []LetterNeed{
		need(backup.Name()+" letters", l.held(own), BackupSpecialtyLettersMin, BackupSpecialtyLettersMin),
		need("General letters", general, BackupGeneralMin, BackupGeneralTarget),
	}
	lp.Gaps = letterGaps(l, backup, lp, entPrograms > 0)
	if entPrograms > 0 {
		lp.Assignments = append(lp.Assignments, assignENT(l))
	}
	lp.Assignments = append(lp.Assignments, assignBackup(l, backup))
	return lp
}

//go:noinline
func need(group string, held, min, target int) LetterNeed {
	return LetterNeed{Group: group, Held: held, Min: min, Target: target, Missing: max(0, min-held)}
}

// letterGaps lists, as sentences, the letters still missing.
func letterGaps(l Letters, backup Specialty, lp LetterPlan, ent bool) []string {
	var gaps []string
	if ent && l.ENTUS < StrongENTLettersUS {
		appendTo(&gaps, "You have "+plural(l.ENTUS, "letter", "letters")+" from US otolaryngologists. ENT programs weigh US letters most: "+
			itoa(StrongENTLettersUS-l.ENTUS)+" more would rate your ENT letters strong, beyond the minimum the table counts. Get them before applications open.")
	}
	if n := lp.ENT[1].Missing; ent && n > 0 {
		appendTo(&gaps, "Ask a surgeon who knows your work for "+plural(n, "letter", "letters")+" to add to your ENT applications.")
	}
	if n := lp.Backup[0].Missing; n > 0 {
		appendTo(&gaps, "You have "+plural(lp.Backup[0].Held, backup.Name()+" letter", backup.Name()+" letters")+"; get "+
			itoa(n)+" more, best from a rotation in "+backup.Name()+".")
	}
	if n := lp.Backup[1].Missing; n > 0 {
		appendTo(&gaps, "Get "+plural(n, "general letter", "general letters")+" for your "+backup.Name()+" applications, from any physician who supervised your clinical work.")
	}
	return gaps
}

// assignENT picks the letters for ENT programs: ENT letters first, US ones
// before others, then letters from surgery, then one general letter if a
// slot is still open.
func assignENT(l Letters) LetterAssignment {
	a := LetterAssignment{Specialty: SpecialtyENT, Name: SpecialtyENT.Name()}
	a.take(WriterENTUS, l.ENTUS, ENTLettersTarget)
	a.take(WriterENTIntl, l.ENTIntl, ENTLettersTarget-a.Total)
	a.take(WriterSurgery, l.Surgery, ENTCloseFieldTarget)
	if a.Total < ENTLettersTarget+ENTCloseFieldMin {
		for _, w := range generalWriters {
			if w != WriterSurgery && a.take(w, l.held(w), 1) > 0 {
				break
			}
		}
	}
	if l.ENTIntl > 0 && l.ENTUS < ENTLettersTarget {
		appendTo(&a.Notes, "Letters from outside the US count for less with ENT programs than letters from US otolaryngologists.")
	}
	return a
}

// assignBackup picks the letters for the backup's programs: letters from
// the specialty first, then general letters, and ENT letters only when
// nothing else fills a general slot.
func assignBackup(l Letters, backup Specialty) LetterAssignment {
	own := specialtyWriter(backup)
	a := LetterAssignment{Specialty: backup, Name: backup.Name()}
	a.take(own, l.held(own), MaxLettersPerProgram-BackupGeneralMin)

	generalTaken := 0
	for _, w := range generalWriters {
		if w != own {
			generalTaken += a.take(w, l.held(w), BackupGeneralTarget-generalTaken)
		}
	}
	if generalTaken < BackupGeneralMin {
		n := a.take(WriterENTUS, l.ENTUS, BackupGeneralMin-generalTaken)
		n += a.take(WriterENTIntl, l.ENTIntl, BackupGeneralMin-generalTaken-n)
		if n > 0 && backup != SpecialtyGS {
			appendTo(&a.Notes, "Send an ENT letter to "+backup.Name()+" programs only if it speaks to skills that carry over, such as clinical reasoning, teamwork and communication.")
		}
	}
	return a
}

// take adds up to want letters of one kind, without passing
// MaxLettersPerProgram, and returns how many it added.
//
//go:noinline
func (a *LetterAssignment) take(w Writer, held, want int) int {
	n := min(held, want, MaxLettersPerProgram-a.Total)
	if n <= 0 {
		return 0
	}
	a.Letters = append(a.Letters, AssignedLetter{Writer: w, Label: w.Label(), Count: n})
	a.Total += n
	return n
}
