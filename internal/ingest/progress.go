package ingest

import (
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// NewProgress returns a progress display for w: a bar with counts, rate and
// ETA on a terminal, and a log line every few seconds otherwise.
func NewProgress(w io.Writer, log *slog.Logger) Progress {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &barProgress{w: w}
	}
	return &logProgress{log: log}
}

type barProgress struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (p *barProgress) Start(label string, total int) {
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(label),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

func (p *barProgress) Add(n int) {
	if p.bar != nil {
		p.bar.Add(n)
	}
}

func (p *barProgress) Finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

type logProgress struct {
	log   *slog.Logger
	label string
	total int
	done  int
	start time.Time
	last  time.Time
}

func (p *logProgress) Start(label string, total int) {
	p.label, p.total, p.done = label, total, 0
	p.start, p.last = time.Now(), time.Now()
}

func (p *logProgress) Add(n int) {
	p.done += n
	if time.Since(p.last) < 5*time.Second {
		return
	}
	p.last = time.Now()
	rate := float64(p.done) / time.Since(p.start).Seconds()
	args := []any{"done", p.done, "rate", int(rate)}
	if p.total > 0 {
		args = append(args, "total", p.total)
		if rate > 0 {
			args = append(args, "eta", time.Duration(float64(p.total-p.done)/rate*float64(time.Second)).Round(time.Second))
		}
	}
	p.log.Info(p.label, args...)
}

func (p *logProgress) Finish() {}

// NoProgress shows nothing.
type NoProgress struct{}

func (NoProgress) Start(string, int) {}
func (NoProgress) Add(int)           {}
func (NoProgress) Finish()           {}
