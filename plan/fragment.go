package plan

import (
	"strings"
	"time"

	"github.com/entbackup/ent-backup-planner/internal/textutil"
)

// FragmentVersion is the value of the "v" key that starts every fragment this
// version of the planner writes.
const FragmentVersion = "1"

// MaxFragmentLength is the longest fragment read, in bytes. A full profile
// takes well under 600 bytes; anything past the limit is ignored and reported.
const MaxFragmentLength = 2048

// FragmentIssueKind classifies a problem found while decoding a fragment.
type FragmentIssueKind uint8

const (
	IssueUnknownKey  FragmentIssueKind = iota // a key that is not a profile field
	IssueDuplicate                            // a field given more than once; the first value is kept
	IssueBadEncoding                          // a malformed percent-escape
	IssueTruncated                            // the fragment was longer than MaxFragmentLength
	IssueVersion                              // a "v" other than FragmentVersion
)

// FragmentIssue is a part of the fragment that was not used.
type FragmentIssue struct {
	_    noCompare
	Kind FragmentIssueKind
	Key  string
}

// Message describes the issue in a sentence for the page.
func (i FragmentIssue) Message() string {
	// The key is quoted like a field's invalid value, so characters that
	// would hide or reorder the text show as escapes.
	key := textutil.Quote(Shorten(i.Key))
	switch i.Kind {
	case IssueUnknownKey:
		return "The link has an unknown setting " + key + "; it was ignored."
	case IssueDuplicate:
		return "The link sets " + i.Key + " more than once; the first value was used."
	case IssueBadEncoding:
		return "Part of the link is not encoded correctly (" + key + "); it was ignored."
	case IssueTruncated:
		return "The link is longer than a profile can be; the end of it was ignored."
	default:
		return "The link was made by another version of the planner; check the values below."
	}
}

// DecodeFragment reads the form-encoded profile of a URL fragment, with or
// without its leading "#". Keys that are not profile fields, repeated keys and
// malformed escapes are left out and reported; the values are not validated
// here (ParseProfile does that).
func DecodeFragment(fragment string) (map[string]string, []FragmentIssue) {
	fragment = strings.TrimPrefix(fragment, "#")
	values := map[string]string{}
	var issues []FragmentIssue
	if len(fragment) > MaxFragmentLength {
		fragment = fragment[:MaxFragmentLength]
		addIssue(&issues, IssueTruncated, "")
	}

	for rest := fragment; rest != ""; {
		pair := rest
		rest = ""
		if i := strings.IndexByte(pair, '&'); i >= 0 {
			pair, rest = pair[:i], pair[i+1:]
		}
		if pair == "" {
			continue
		}
		rawKey, rawValue := pair, ""
		if i := strings.IndexByte(pair, '='); i >= 0 {
			rawKey, rawValue = pair[:i], pair[i+1:]
		}
		key, okKey := unescape(rawKey)
		value, okValue := unescape(rawValue)
		if !okKey || !okValue {
			addIssue(&issues, IssueBadEncoding, rawKey)
			continue
		}
		if key == "v" {
			if value != FragmentVersion {
				addIssue(&issues, IssueVersion, value)
			}
			continue
		}
		if !isFieldName(key) {
			addIssue(&issues, IssueUnknownKey, key)
			continue
		}
		if _, seen := values[key]; seen {
			addIssue(&issues, IssueDuplicate, key)
			continue
		}
		values[key] = value
	}
	return values, issues
}

// EncodeFragment writes the non-empty values as a fragment (without "#"),
// starting with the version and then in form order, so the same profile always
// gives the same link. Keys that are not profile fields are left out.
func EncodeFragment(values map[string]string) string {
	var b strings.Builder
	b.WriteString("v=" + FragmentVersion)
	for _, name := range fieldNames {
		value := values[name]
		if value == "" {
			continue
		}
		b.WriteString("&" + name + "=" + escape(value))
	}
	return b.String()
}

// fieldNames lists every profile field in form order.
var fieldNames = func() []string {
	var names []string
	for _, s := range FieldSpecs(time.Time{}) {
		appendTo(&names, s.Name)
	}
	return names
}()

// addIssue appends one issue, unless an equal one is listed already: a link
// that repeats one unknown setting hundreds of times gets one message. A
// call costs the .wasm less than an inlined append.
func addIssue(issues *[]FragmentIssue, kind FragmentIssueKind, key string) {
	for _, i := range *issues {
		if i.Kind == kind && i.Key == key {
			return
		}
	}
	*issues = append(*issues, FragmentIssue{Kind: kind, Key: key})
}

func isFieldName(key string) bool {
	for _, name := range fieldNames {
		if name == key {
			return true
		}
	}
	return false
}

// FieldNames returns every profile field name in form order.
func FieldNames() []string { return append([]string(nil), fieldNames...) }

// unescape decodes form encoding: "+" is a space and "%XX" a byte.
func unescape(s string) (string, bool) {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s, true
	}
	// The result is never longer than s, so it is written by index into a
	// buffer of that size: indexed writes take less .wasm than appends.
	b := make([]byte, len(s))
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '+':
			c = ' '
		case '%':
			if i+2 >= len(s) {
				return "", false
			}
			hi, okHi := unhex(s[i+1])
			lo, okLo := unhex(s[i+2])
			if !okHi || !okLo {
				return "", false
			}
			c = hi<<4 | lo
			i += 2
		}
		b[n] = c
		n++
	}
	return string(b[:n]), true
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// escape encodes a value for a fragment: letters, digits and "-._~" stay as
// they are, everything else becomes %XX.
func escape(s string) string {
	const hex = "0123456789ABCDEF"
	// Each byte takes at most three, so the result is written by index into
	// a buffer of that size: indexed writes take less .wasm than appends.
	b := make([]byte, 3*len(s))
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b[n] = c
			n++
			continue
		}
		b[n], b[n+1], b[n+2] = '%', hex[c>>4], hex[c&15]
		n += 3
	}
	return string(b[:n])
}
