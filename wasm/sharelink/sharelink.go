// Package sharelink writes the calculator form's values as the URL fragment
// that the address bar, the Copy link button and the remembered copy carry.
//
// It builds on plan.EncodeFragment and keeps two more promises: opening the
// link restores exactly what the form held, and the link always fits within
// plan.MaxFragmentLength, so plan.DecodeFragment never cuts off a field.
package sharelink

import (
	"strings"

	"github.com/entbackup/ent-backup-planner/internal/textutil"
	"github.com/entbackup/ent-backup-planner/plan"
)

// Ellipsis ends a value that Encode shortened. It is not a digit and not a
// choice, so the shortened value still fails validation on its field.
// It is the one plan.Shorten appends.
const Ellipsis = "…"

// Encode returns the fragment (without "#") for the form's values, or ""
// when every field contains its default. defaults maps each field to the
// value the form was served with. The calculator fills a field that a link
// does not name with that default, and ParseProfile reads a missing field
// the same way.
//
// Encode writes only the fields that differ from their defaults, in form
// order, so links stay short. A field that the user emptied and whose default
// is not empty is written as "name=", so opening the link leaves the field
// empty instead of filling in the default. When the fragment would be longer
// than plan.MaxFragmentLength, every value longer than plan.MaxValueLength
// (already invalid) is cut to that length at a UTF-8 boundary and ends in
// Ellipsis; the other fields are kept exactly.
func Encode(values, defaults map[string]string) string {
	if isDefault(values, defaults) {
		return ""
	}
	if !hasHugeValue(values) {
		if fragment := encode(values, defaults); len(fragment) <= plan.MaxFragmentLength {
			return fragment
		}
	}
	short := make(map[string]string, len(values))
	for name, value := range values {
		short[name] = Shorten(value)
	}
	return encode(short, defaults)
}

// Shorten returns value unchanged when it is at most plan.MaxValueLength
// bytes long. A longer value loses its surrounding white space, which
// plan.ParseProfile ignores as well. If it is still too long, it is cut to
// at most plan.MaxValueLength bytes, without splitting a UTF-8 sequence, and
// gets Ellipsis appended. So a value ParseProfile accepts stays accepted
// with the same meaning, and any other value stays rejected.
func Shorten(value string) string {
	if len(value) <= plan.MaxValueLength {
		return value
	}
	return plan.Shorten(textutil.TrimSpace(value))
}

func encode(values, defaults map[string]string) string {
	changed := map[string]string{}
	var emptied []string
	for _, name := range plan.FieldNames() {
		value := values[name]
		switch {
		case value == defaults[name]:
		case value == "":
			emptied = append(emptied, name)
		default:
			changed[name] = value
		}
	}
	var b strings.Builder
	b.WriteString(plan.EncodeFragment(changed))
	for _, name := range emptied {
		b.WriteString("&" + name + "=")
	}
	return b.String()
}

// isDefault reports whether every profile field holds its default.
func isDefault(values, defaults map[string]string) bool {
	for _, name := range plan.FieldNames() {
		if values[name] != defaults[name] {
			return false
		}
	}
	return true
}

// hasHugeValue reports whether a value alone is too long for a fragment, so
// Encode can skip escaping it whole.
func hasHugeValue(values map[string]string) bool {
	for _, value := range values {
		if len(value) > plan.MaxFragmentLength {
			return true
		}
	}
	return false
}
