// Package plan turns an ENT applicant's profile into an assessment and a
// dual-application plan.
//
// ParseProfile reads the form, and Build returns the whole plan. The plan
// has the tier and what would move it up, the six backups ranked, the
// program counts and their fees against the budget, the letters, a timeline
// to Match Day and the outcome checklists. Rules, FeeSchedules, SpecialtyTable,
// ApplicationRules and SeasonCalendar list the values behind them for the
// site's method page and tables.
//
// The package is pure: it has no browser, network, file or printing code, so
// the same rules run in the browser (compiled to WebAssembly), on the server
// and in native tests. Every threshold, count, fee and date it uses is a named
// value whose doc comment gives its source: the source guide on backup
// planning for IMGs in ENT, a cited public figure with its season, or an
// editorial default chosen by this project.
//
// To keep the WebAssembly build small the package avoids fmt, encoding/json,
// reflect and template packages, and messages are built with strconv and
// strings. Small helpers that many functions call are marked
// //go:noinline, because Go's WebAssembly backend spends hundreds of bytes
// on each inlined copy and the .wasm has a size budget (internal/measure).
package plan
