package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"time"
)

// AccessLog logs one record per request: method, path (without the query,
// which may carry personal data), status, duration and response bytes. A
// request during which a handler noted an error is logged at level Warn with
// the error, or at level Error when the status is 500 or more.
func AccessLog(logger *slog.Logger, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		note := &errorNote{}
		r = r.WithContext(context.WithValue(r.Context(), errorNoteKey{}, note))
		recorder := &statusRecorder{ResponseWriter: w}

		h.ServeHTTP(recorder, r)

		status := recorder.status
		if status == 0 {
			status = http.StatusOK
		}
		attrs := []slog.Attr{
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", status),
			slog.Duration("duration", time.Since(start)),
			slog.Int64("bytes", recorder.bytes),
		}
		level := slog.LevelInfo
		if note.err != nil {
			attrs = append(attrs, slog.String("error", note.err.Error()))
			level = slog.LevelWarn
		}
		if status >= http.StatusInternalServerError {
			level = slog.LevelError
		}
		logger.LogAttrs(r.Context(), level, "request", attrs...)
	})
}

type errorNoteKey struct{}

// errorNote carries the error a handler met to the access log.
type errorNote struct {
	err error
}

// noteError records err for the access log record of the request. Without
// AccessLog around the handler it does nothing.
func noteError(r *http.Request, err error) {
	if note, ok := r.Context().Value(errorNoteKey{}).(*errorNote); ok {
		note.err = err
	}
}

// statusRecorder records the status and the number of body bytes written.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	return n, err
}

// ReadFrom keeps the underlying writer's fast path (sendfile) for files.
func (r *statusRecorder) ReadFrom(src io.Reader) (int64, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := io.Copy(r.ResponseWriter, src)
	r.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter {
	return r.ResponseWriter
}
