package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/entbackup/ent-backup-planner/plan"
)

// MaxRequestBytes is the largest request body POST /api/plan reads. A full
// profile with every field as a long string is under 2 KiB.
const MaxRequestBytes = 16 << 10

// PlanPath is the endpoint that turns a profile into a plan.
const PlanPath = "/api/plan"

// buildPlan is the planner entry point behind POST /api/plan.
func buildPlan(p plan.Profile, today time.Time) plan.Plan {
	return plan.Build(p, today)
}

// API serves the JSON API under /api/: POST /api/plan takes a profile as a
// JSON object with the form's field names, values as strings or numbers, and
// returns the plan. Errors are JSON objects with an "error" message and, for
// invalid fields, a "fields" list. now gives the date that the ranges of
// grad_year and match_year depend on.
func API(now func() time.Time) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(PlanPath, func(w http.ResponseWriter, r *http.Request) {
		servePlan(w, r, now())
	})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusNotFound, apiError{
			Error: "no API endpoint at " + r.URL.Path + "; the API has POST " + PlanPath,
		})
	})
	return mux
}

// apiError is the body of every error response.
type apiError struct {
	Error  string         `json:"error"`
	Fields []fieldProblem `json:"fields,omitempty"`
}

// fieldProblem is one invalid or unknown field of the request.
type fieldProblem struct {
	Field   string `json:"field"`
	Value   string `json:"value,omitempty"`
	Message string `json:"message"`
	// Valid lists the field's valid values; it is absent for an unknown field.
	Valid *validValues `json:"valid,omitempty"`
}

// validValues is a field's valid range or choices, from plan.FieldSpecs.
type validValues struct {
	Min     *int     `json:"min,omitempty"`
	Max     *int     `json:"max,omitempty"`
	Choices []string `json:"choices,omitempty"`
	// Labels are the planner form's option texts for a field shown as a
	// select: one per choice, or one per number from Min to Max.
	Labels   []string `json:"labels,omitempty"`
	Optional bool     `json:"optional"`
}

func servePlan(w http.ResponseWriter, r *http.Request, today time.Time) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, r, http.StatusMethodNotAllowed, apiError{
			Error: "method " + r.Method + " is not allowed on " + PlanPath + "; use POST with a JSON profile",
		})
		return
	}
	if mediaType, err := jsonMediaType(r.Header.Get("Content-Type")); err != nil {
		writeError(w, r, http.StatusUnsupportedMediaType, apiError{
			Error: "Content-Type " + strconv.Quote(mediaType) + " is not supported: " + err.Error(),
		})
		return
	}

	values, problems, err := readProfileValues(http.MaxBytesReader(w, r.Body, MaxRequestBytes), today)
	if err != nil {
		status := http.StatusBadRequest
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			status = http.StatusRequestEntityTooLarge
			err = fmt.Errorf("the request body is larger than %d bytes", MaxRequestBytes)
		}
		writeError(w, r, status, apiError{Error: err.Error()})
		return
	}

	profile, fieldErrors := plan.ParseProfile(values, today)
	for _, e := range fieldErrors {
		problems = append(problems, fieldProblem{
			Field:   e.Field,
			Value:   e.Value,
			Message: e.Message(),
			Valid:   valid(e.Spec),
		})
	}
	if len(problems) > 0 {
		sortProblems(problems, today)
		writeError(w, r, http.StatusBadRequest, apiError{
			Error:  invalidSummary(problems),
			Fields: problems,
		})
		return
	}
	writeJSON(w, r, http.StatusOK, buildPlan(profile, today))
}

// jsonMediaType checks a Content-Type header for application/json in UTF-8.
// It returns the media type it found.
func jsonMediaType(header string) (string, error) {
	if header == "" {
		return "", errors.New("send the profile as application/json")
	}
	mediaType, params, err := mime.ParseMediaType(header)
	if err != nil {
		return header, errors.New("the header is malformed; send application/json")
	}
	if mediaType != "application/json" {
		return mediaType, errors.New("send the profile as application/json")
	}
	if charset, ok := params["charset"]; ok && !strings.EqualFold(charset, "utf-8") {
		return mediaType, errors.New("the charset must be utf-8")
	}
	return mediaType, nil
}

// readProfileValues decodes the request body, a JSON object of field names to
// strings, numbers or null, into the raw values plan.ParseProfile reads. It
// returns keys that are not profile fields, keys given more than once and
// values of other JSON types as field problems. A body that is not one JSON
// object is an error.
func readProfileValues(body io.Reader, today time.Time) (map[string]string, []fieldProblem, error) {
	decoder := json.NewDecoder(body)
	decoder.UseNumber()
	members, err := decodeObject(decoder)
	if err != nil {
		return nil, nil, err
	}
	if _, err := decoder.Token(); !errors.Is(err, io.EOF) {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, nil, err
		}
		return nil, nil, errors.New("the request body must hold one JSON object and nothing after it")
	}

	known := map[string]bool{}
	var names []string
	for _, spec := range plan.FieldSpecs(today) {
		known[spec.Name] = true
		names = append(names, spec.Name)
	}
	values := map[string]string{}
	var problems []fieldProblem
	count := map[string]int{}
	for _, m := range members {
		name := m.name
		count[name]++
		if count[name] > 1 {
			// A repeated field is rejected rather than resolved: encoding/json
			// keeps the last value and the planner's links keep the first, so
			// either choice would surprise some clients.
			if count[name] == 2 && known[name] {
				problems = append(problems, fieldProblem{Field: name, Message: "given more than once; send each field once"})
			}
			continue
		}
		if !known[name] {
			problems = append(problems, fieldProblem{
				Field:   name,
				Message: "not a profile field; the fields are " + strings.Join(names, ", "),
			})
			continue
		}
		switch v := m.value.(type) {
		case nil:
			values[name] = ""
		case string:
			values[name] = v
		case json.Number:
			values[name] = numberText(v)
		default:
			problems = append(problems, fieldProblem{
				Field:   name,
				Message: "must be a JSON string or number, not " + jsonKind(v),
			})
		}
	}
	return values, problems, nil
}

// member is one name and value of a JSON object, as decoded with UseNumber.
type member struct {
	name  string
	value any
}

// decodeObject reads one JSON object from the decoder and returns its
// members in the order sent, repeated names included, which decoding into
// a map would merge. A value that is not an object is an error.
func decodeObject(decoder *json.Decoder) ([]member, error) {
	start, err := decoder.Token()
	if err != nil {
		return nil, decodeError(err)
	}
	if start != json.Delim('{') {
		return nil, errors.New("the request body must be a JSON object of profile fields, not " + tokenKind(start))
	}

	var members []member
	for decoder.More() {
		key, err := decoder.Token()
		if err != nil {
			return nil, decodeError(insideObject(err))
		}
		// Inside an object the decoder returns each key as a string, and
		// rejects any other token as a syntax error.
		name, _ := key.(string)
		var value any
		if err := decoder.Decode(&value); err != nil {
			return nil, decodeError(insideObject(err))
		}
		members = append(members, member{name: name, value: value})
	}
	if _, err := decoder.Token(); err != nil {
		return nil, decodeError(insideObject(err))
	}
	return members, nil
}

// insideObject returns io.ErrUnexpectedEOF for io.EOF: the decoder reports a
// body that ends inside an object as io.EOF when it ends between tokens.
func insideObject(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// tokenKind names the JSON type of a top-level token that is not an object.
func tokenKind(token json.Token) string {
	switch token.(type) {
	case nil:
		return "null"
	case json.Delim:
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	default:
		return "a boolean"
	}
}

// decodeError turns a JSON decoding error into a message for the client.
func decodeError(err error) error {
	var syntax *json.SyntaxError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return err
	case errors.Is(err, io.EOF):
		return errors.New("the request body is empty; send a JSON object of profile fields")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the request body ends in the middle of the JSON object")
	case errors.As(err, &syntax):
		return fmt.Errorf("the request body is not valid JSON: %v (at byte %d)", syntax, syntax.Offset)
	default:
		return fmt.Errorf("the request body could not be read: %v", err)
	}
}

// numberText writes a JSON number as the planner's form would hold it: a
// whole number in plain digits (2.5e2 becomes 250), anything else as sent.
func numberText(n json.Number) string {
	if i, err := n.Int64(); err == nil {
		return strconv.FormatInt(i, 10)
	}
	if f, err := n.Float64(); err == nil && f == float64(int64(f)) {
		return strconv.FormatInt(int64(f), 10)
	}
	return n.String()
}

// jsonKind names the JSON type of a decoded value other than string, number or null.
func jsonKind(v any) string {
	switch v.(type) {
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	default:
		return "an object"
	}
}

// valid returns the valid values of a field.
func valid(spec plan.FieldSpec) *validValues {
	if spec.Kind == plan.KindChoice {
		return &validValues{Choices: spec.Choices, Labels: spec.Labels, Optional: spec.Optional}
	}
	low, high := spec.Min, spec.Max
	return &validValues{Min: &low, Max: &high, Labels: spec.Labels, Optional: spec.Optional}
}

// sortProblems orders problems as the form orders its fields, with unknown
// fields last by name.
func sortProblems(problems []fieldProblem, today time.Time) {
	order := map[string]int{}
	for i, spec := range plan.FieldSpecs(today) {
		order[spec.Name] = i + 1
	}
	rank := func(name string) int {
		if i, ok := order[name]; ok {
			return i
		}
		return len(order) + 1
	}
	slices.SortStableFunc(problems, func(a, b fieldProblem) int {
		if d := rank(a.Field) - rank(b.Field); d != 0 {
			return d
		}
		return strings.Compare(a.Field, b.Field)
	})
}

// invalidSummary returns the error message for a list of field problems.
func invalidSummary(problems []fieldProblem) string {
	if len(problems) == 1 {
		return "invalid profile: " + problems[0].Field + ": " + problems[0].Message
	}
	return "invalid profile: " + strconv.Itoa(len(problems)) + " fields are invalid; see fields"
}

// writeError writes an error response and notes the error for the access log.
// The note names the fields but not their values, which are personal data.
func writeError(w http.ResponseWriter, r *http.Request, status int, body apiError) {
	message := body.Error
	if len(body.Fields) > 0 {
		names := make([]string, len(body.Fields))
		for i, f := range body.Fields {
			names[i] = f.Field
		}
		message = "invalid fields: " + strings.Join(names, ", ")
	}
	noteError(r, errors.New(message))
	writeJSON(w, r, status, body)
}

// writeJSON writes v as the JSON response body. API responses are never cached.
func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		// Only a value with unsupported types fails here: a programming error.
		noteError(r, fmt.Errorf("encode API response: %w", err))
		status = http.StatusInternalServerError
		body = []byte(`{"error":"internal server error"}`)
	}
	header := w.Header()
	header.Set("Content-Type", "application/json")
	header.Set("Cache-Control", "no-store")
	header.Set("X-Content-Type-Options", "nosniff")
	header.Set("Content-Length", strconv.Itoa(len(body)+1))
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
