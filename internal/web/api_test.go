package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// planDay is a fixed day for the date-dependent ranges: match_year 2026-2030.
var planDay = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func postPlan(t *testing.T, contentType, requestBody string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, PlanPath, strings.NewReader(requestBody))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	API(func() time.Time { return planDay }).ServeHTTP(rec, req)
	return rec.Result()
}

// decodeAPIError reads an error response body.
// errorFields returns the names of the fields an error lists, in its order,
// joined with commas.
func errorFields(e apiError) string {
	var names []string
	for _, f := range e.Fields {
		names = append(names, f.Field)
	}
	return strings.Join(names, ",")
}

func decodeAPIError(t *testing.T, resp *http.Response) apiError {
	t.Helper()
	if got := resp.Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type %q, want application/json", got)
	}
	var e apiError
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		t.Fatalf("decode error body: %v", err)
	}
	if e.Error == "" {
		t.Error("error body has no error message")
	}
	return e
}

func TestAPIPlanSuccess(t *testing.T) {
	// The source guide's strong applicant: Tier 1.
	resp := postPlan(t, "application/json", `{
		"step2": 255, "failures": "0", "ent_rotations": 2, "letters_ent_us": "2",
		"ent_research": 2, "research_year": 1, "grad_year": 2024, "match_year": "2027",
		"visa": "none", "budget": null
	}`)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", resp.StatusCode, body(t, resp))
	}
	if got := resp.Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type %q, want application/json", got)
	}
	if got := resp.Header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control %q, want no-store", got)
	}
	var result struct {
		MatchYear  int    `json:"match_year"`
		TierLabel  string `json:"tier_label"`
		Assessment struct {
			Tier    int
			Factors []struct{ Reason string }
		}
		Backups []struct{ Specialty string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&result); err != nil {
		t.Fatalf("decode plan: %v", err)
	}
	if result.Assessment.Tier != 1 || result.TierLabel != "Tier 1" {
		t.Errorf("tier %d (%q), want 1", result.Assessment.Tier, result.TierLabel)
	}
	if result.MatchYear != 2027 {
		t.Errorf("match year %d, want the requested 2027", result.MatchYear)
	}
	if len(result.Assessment.Factors) == 0 || !strings.Contains(result.Assessment.Factors[0].Reason, "255") {
		t.Errorf("factors %+v, want reasons quoting the values", result.Assessment.Factors)
	}
	if len(result.Backups) != 6 {
		t.Errorf("%d backups, want all six ranked", len(result.Backups))
	}
}

func TestAPIPlanCharsetAllowed(t *testing.T) {
	resp := postPlan(t, "application/json; charset=UTF-8", `{}`)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status %d, want 200: %s", resp.StatusCode, body(t, resp))
	}
}

func TestAPIPlanInvalidField(t *testing.T) {
	resp := postPlan(t, "application/json", `{"step2": 312, "visa": "f1"}`)
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("status %d, want 400", resp.StatusCode)
	}
	e := decodeAPIError(t, resp)
	if len(e.Fields) != 2 {
		t.Fatalf("fields %+v, want step2 and visa", e.Fields)
	}
	step2, visa := e.Fields[0], e.Fields[1]
	if step2.Field != "step2" || step2.Value != "312" {
		t.Errorf("first field %+v, want step2 with value 312", step2)
	}
	if step2.Message != "312 is out of range; enter a score from 1 to 300, or leave it empty" {
		t.Errorf("step2 message %q", step2.Message)
	}
	if step2.Valid == nil || step2.Valid.Min == nil || *step2.Valid.Min != 1 || *step2.Valid.Max != 300 || !step2.Valid.Optional {
		t.Errorf("step2 valid values %+v, want 1 to 300, optional", step2.Valid)
	}
	if visa.Field != "visa" {
		t.Errorf("second field %+v, want visa", visa)
	}
	if want := `"f1" is not a valid choice; choose “None (US citizen or permanent resident)” (none), “J-1” (j1) or “H-1B” (h1b)`; visa.Message != want {
		t.Errorf("visa message %q, want %q", visa.Message, want)
	}
	if visa.Valid == nil || strings.Join(visa.Valid.Choices, ",") != "none,j1,h1b" {
		t.Errorf("visa valid values %+v, want the choices", visa.Valid)
	}
	if visa.Valid == nil || strings.Join(visa.Valid.Labels, ",") != "None (US citizen or permanent resident),J-1,H-1B" {
		t.Errorf("visa valid values %+v, want the form's option labels", visa.Valid)
	}
}

func TestAPIPlanInvalidRatingNamesLabels(t *testing.T) {
	resp := postPlan(t, "application/json", `{"int_surgery": 7}`)
	e := decodeAPIError(t, resp)
	if len(e.Fields) != 1 {
		t.Fatalf("fields %+v, want int_surgery", e.Fields)
	}
	rating := e.Fields[0]
	if want := "7 is out of range; choose “Not at all” (0), “Somewhat” (1), “Quite a lot” (2) or “Very much” (3)"; rating.Message != want {
		t.Errorf("int_surgery message %q, want %q", rating.Message, want)
	}
	if rating.Valid == nil || rating.Valid.Min == nil || *rating.Valid.Min != 0 || *rating.Valid.Max != 3 {
		t.Errorf("int_surgery valid values %+v, want 0 to 3", rating.Valid)
	}
	if rating.Valid == nil || len(rating.Valid.Labels) != 4 {
		t.Errorf("int_surgery valid values %+v, want 4 labels", rating.Valid)
	}
}

func TestAPIPlanSingleInvalidFieldMessage(t *testing.T) {
	resp := postPlan(t, "application/json", `{"failures": "two"}`)
	e := decodeAPIError(t, resp)
	want := `invalid profile: failures: "two" is not a whole number; enter a whole number from 0 to 12`
	if e.Error != want {
		t.Errorf("error %q, want %q", e.Error, want)
	}
}

func TestAPIPlanUnknownAndWrongType(t *testing.T) {
	resp := postPlan(t, "application/json", `{"stepp2": 250, "research_year": true, "letters_im": [1], "visa": {}}`)
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("status %d, want 400", resp.StatusCode)
	}
	e := decodeAPIError(t, resp)
	// Form order, unknown fields last.
	if got := errorFields(e); got != "letters_im,research_year,visa,stepp2" {
		t.Errorf("fields %s, want letters_im,research_year,visa,stepp2", got)
	}
	messages := map[string]string{}
	for _, f := range e.Fields {
		messages[f.Field] = f.Message
	}
	if !strings.Contains(messages["stepp2"], "not a profile field") || !strings.Contains(messages["stepp2"], "step2, failures") {
		t.Errorf("unknown field message %q, want it to list the fields", messages["stepp2"])
	}
	if messages["research_year"] != "must be a JSON string or number, not a boolean" {
		t.Errorf("boolean message %q", messages["research_year"])
	}
	if messages["letters_im"] != "must be a JSON string or number, not an array" {
		t.Errorf("array message %q", messages["letters_im"])
	}
	if messages["visa"] != "must be a JSON string or number, not an object" {
		t.Errorf("object message %q", messages["visa"])
	}
}

func TestAPIPlanMalformedBody(t *testing.T) {
	tests := map[string]struct {
		body, want string
	}{
		"empty":          {"", "the request body is empty"},
		"syntax":         {`{"step2": 250,}`, "not valid JSON"},
		"truncated":      {`{"step2": 250`, "ends in the middle"},
		"array":          {`[1, 2]`, "must be a JSON object"},
		"string":         {`"step2"`, "must be a JSON object"},
		"null":           {`null`, "not null"},
		"trailing value": {`{} {}`, "nothing after it"},
		"number":         {`250`, "must be a JSON object of profile fields, not a number"},
		"boolean":        {`true`, "must be a JSON object of profile fields, not a boolean"},
		"only a brace":   {`{`, "ends in the middle"},
		"ends after key": {`{"step2"`, "ends in the middle"},
		"ends at value":  {`{"step2": `, "ends in the middle"},
		"key not string": {`{step2: 250}`, "not valid JSON"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			resp := postPlan(t, "application/json", tt.body)
			if resp.StatusCode != http.StatusBadRequest {
				t.Errorf("status %d, want 400", resp.StatusCode)
			}
			if e := decodeAPIError(t, resp); !strings.Contains(e.Error, tt.want) {
				t.Errorf("error %q, want it to contain %q", e.Error, tt.want)
			}
		})
	}
}

func TestAPIPlanDuplicateField(t *testing.T) {
	tests := map[string]string{
		"same spelling":   `{"step2": 250, "failures": 0, "step2": 260}`,
		"escaped in JSON": `{"step2": 250, "step\u0032": 260}`,
		"three times":     `{"step2": 250, "step2": 260, "step2": 270}`,
	}
	for name, requestBody := range tests {
		t.Run(name, func(t *testing.T) {
			resp := postPlan(t, "application/json", requestBody)
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", resp.StatusCode, body(t, resp))
			}
			e := decodeAPIError(t, resp)
			if want := "invalid profile: step2: given more than once; send each field once"; e.Error != want {
				t.Errorf("error %q, want %q", e.Error, want)
			}
			if len(e.Fields) != 1 || e.Fields[0].Field != "step2" {
				t.Errorf("fields %+v, want step2 once", e.Fields)
			}
		})
	}
}

func TestAPIPlanDuplicateWithOtherProblems(t *testing.T) {
	resp := postPlan(t, "application/json", `{"visa": "j1", "stepp2": 1, "visa": "h1b", "stepp2": 2, "failures": 20}`)
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("status %d, want 400", resp.StatusCode)
	}
	e := decodeAPIError(t, resp)
	// Form order, unknown fields last, and the repeated unknown key once.
	if got := errorFields(e); got != "failures,visa,stepp2" {
		t.Errorf("fields %s, want failures,visa,stepp2", got)
	}
}

func TestAPIPlanNumberForms(t *testing.T) {
	// 2.52e2 is the whole number 252; 1.5 failures is not a whole number.
	resp := postPlan(t, "application/json", `{"step2": 2.52e2}`)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("step2 2.52e2: status %d, want 200: %s", resp.StatusCode, body(t, resp))
	}
	resp = postPlan(t, "application/json", `{"failures": 1.5}`)
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("failures 1.5: status %d, want 400", resp.StatusCode)
	}
}

func TestAPIPlanTooLarge(t *testing.T) {
	large := `{"step2": "` + strings.Repeat(" ", MaxRequestBytes) + `250"}`
	resp := postPlan(t, "application/json", large)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", resp.StatusCode)
	}
	if e := decodeAPIError(t, resp); !strings.Contains(e.Error, "16384 bytes") {
		t.Errorf("error %q, want it to name the limit", e.Error)
	}
}

func TestAPIPlanTooLargeAfterObject(t *testing.T) {
	large := `{}` + strings.Repeat(" ", MaxRequestBytes)
	resp := postPlan(t, "application/json", large)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", resp.StatusCode)
	}
}

func TestAPIPlanUnsupportedMediaType(t *testing.T) {
	for _, contentType := range []string{"", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/json; ="} {
		resp := postPlan(t, contentType, `{}`)
		if resp.StatusCode != http.StatusUnsupportedMediaType {
			t.Errorf("Content-Type %q: status %d, want 415", contentType, resp.StatusCode)
		}
		if e := decodeAPIError(t, resp); !strings.Contains(e.Error, "application/json") && !strings.Contains(e.Error, "utf-8") {
			t.Errorf("Content-Type %q: error %q, want it to say what to send", contentType, e.Error)
		}
	}
}

func TestAPIPlanMethodNotAllowed(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions} {
		req := httptest.NewRequest(method, PlanPath, nil)
		rec := httptest.NewRecorder()
		API(time.Now).ServeHTTP(rec, req)
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d, want 405", method, rec.Code)
		}
		if got := rec.Header().Get("Allow"); got != "POST" {
			t.Errorf("%s: Allow %q, want POST", method, got)
		}
	}
}

func TestAPIUnknownEndpoint(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/api/plans", nil)
	rec := httptest.NewRecorder()
	API(time.Now).ServeHTTP(rec, req)
	if rec.Code != http.StatusNotFound {
		t.Errorf("status %d, want 404", rec.Code)
	}
	if e := decodeAPIError(t, rec.Result()); !strings.Contains(e.Error, "POST /api/plan") {
		t.Errorf("error %q, want it to name the endpoint", e.Error)
	}
}
