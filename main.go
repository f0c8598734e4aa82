// Command parallax reads several news articles about one event side by side,
// highlights who and what they name, and lets the user tag where they
// disagree.
//
// This file is the command line only: parse, load, run.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/fang"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/parallax-reader/parallax/annotations"
	"github.com/parallax-reader/parallax/annotations/export"
	"github.com/parallax-reader/parallax/articles"
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui"
)

// version and commit are stamped by release builds (-ldflags -X).
var (
	version = "dev"
	commit  = ""
)

type readerFlags struct {
	theme    string
	mouse    bool
	noMouse  bool
	annots   string
	readOnly bool
	load     loadFlags
}

// loadFlags are the limits on fetching articles, shared by every command
// that loads articles.
type loadFlags struct {
	timeout time.Duration
	maxSize byteSize
}

func (l *loadFlags) register(fl *pflag.FlagSet) {
	fl.DurationVar(&l.timeout, "timeout", 20*time.Second, "time limit for fetching a URL")
	l.maxSize = 10 << 20
	fl.Var(&l.maxSize, "max-size", "size limit for a fetched URL (e.g. 512KiB, 10MiB)")
}

func (l loadFlags) options() articles.Options {
	return articles.Options{Timeout: l.timeout, MaxBytes: int64(l.maxSize)}
}

func main() {
	err := fang.Execute(context.Background(), rootCommand(),
		fang.WithVersion(version),
		fang.WithCommit(commit),
		fang.WithErrorHandler(printError),
		fang.WithNotifySignal(os.Interrupt, syscall.SIGTERM),
	)
	if err != nil {
		os.Exit(1)
	}
}

func rootCommand() *cobra.Command {
	var f readerFlags
	cmd := &cobra.Command{
		Use:   "parallax [flags] [ARTICLE...]",
		Short: "Read news articles side by side and tag where they disagree",
		Long: `parallax shows several news articles about one event side by side,
highlights the people, places, organisations, dates, numbers and quotations
they name, links them across the articles, and lets you tag the places where
the articles disagree.

An ARTICLE is a path (.txt, .md, .html), an http(s) URL, or - for standard
input. With no ARTICLE, parallax opens its built-in sample.

Tags are saved as you make them, in a W3C Web Annotation file; the status bar
shows which. By default each set of articles has its own file:
` + annotations.DefaultPathHelp + `.
--annotations names another file, for instance one shared with a team.`,
		Example: `  parallax
  parallax a.txt b.md
  parallax --theme light https://example.org/story a.html
  curl -s https://example.org/x | parallax - b.txt`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReader(cmd.Context(), args, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.theme, "theme", "auto", "colour theme: auto, dark or light (NO_COLOR is honoured)")
	fl.BoolVar(&f.mouse, "mouse", true, "wheel scrolls the pane under the pointer; click focuses")
	fl.BoolVar(&f.noMouse, "no-mouse", false, "leave the mouse to the terminal (select and copy text)")
	fl.StringVar(&f.annots, "annotations", "", "the annotation file (default: one per set of articles, see above)")
	fl.BoolVar(&f.readOnly, "read-only", false, "open the annotation file without changing it")
	f.load.register(fl)
	cmd.AddCommand(analyzeCommand(), exportCommand(), versionCommand())
	return cmd
}

func analyzeCommand() *cobra.Command {
	var asJSON bool
	var load loadFlags
	cmd := &cobra.Command{
		Use:   "analyze [--json] ARTICLE...",
		Short: "Print the entities, quotations, links, alignments and suggestions found",
		Long: `analyze runs parallax's analysis without the reader. Without --json it
prints a readable summary: the entities linked across the articles with their
mentions per article, and the quotations by speaker. With --json it prints
everything, with offsets in UTF-8 bytes into each article's cleaned text
(which is included). With no ARTICLE it analyses the built-in sample.`,
		Example: `  parallax analyze a.txt b.html
  parallax analyze --json a.txt b.txt | jq '.clusters[] | .name'`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			arts, err := loadArticles(cmd.Context(), args, load)
			if err != nil {
				return err
			}
			an, err := articles.Analyze(cmd.Context(), arts)
			if err != nil {
				return err
			}
			if asJSON {
				return articles.WriteJSON(cmd.OutOrStdout(), arts, an)
			}
			return articles.WriteSummary(cmd.OutOrStdout(), arts, an)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print everything as JSON")
	load.register(cmd.Flags())
	return cmd
}

func exportCommand() *cobra.Command {
	var out, annotPath string
	var load loadFlags
	cmd := &cobra.Command{
		Use:   "export [--annotations FILE] [-o FILE] ARTICLE...",
		Short: "Write the tags on a set of articles as Markdown notes",
		Long: `export writes the discrepancies tagged on a set of articles as a Markdown
note: front matter, a summary table, each tag with its passages, note and a
word-level diff where two passages word one statement differently, the
entities per article, quotations by speaker, and orphaned tags last. It is
the same note the reader writes with m then w. With no -o it writes to
standard output. With no ARTICLE it uses the built-in sample.

The annotation file is the one the reader uses for the same articles:
` + annotations.DefaultPathHelp + `.`,
		Example: `  parallax export a.txt b.txt > notes.md
  parallax export --annotations team.jsonld -o notes.md a.txt b.txt`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			arts, err := loadArticles(cmd.Context(), args, load)
			if err != nil {
				return err
			}
			store, err := openStore(arts, annotPath, true)
			if err != nil {
				return err
			}
			defer store.Close()
			an, err := articles.Analyze(cmd.Context(), arts)
			if err != nil {
				return err
			}
			md := export.Markdown(export.Input{
				Date: export.NoteDate(), Version: version, Articles: arts,
				Analysis: &an, Annotations: store.Annotations(),
			})
			if out == "" || out == "-" {
				_, err = cmd.OutOrStdout().Write(md)
				return err
			}
			if err := annotations.WriteFile(out, md); err != nil {
				var pe *fs.PathError
				if errors.As(err, &pe) {
					err = pe.Err
				}
				return fmt.Errorf("cannot write %q: %w", out, err)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the note to FILE instead of standard output")
	cmd.Flags().StringVar(&annotPath, "annotations", "", "the annotation file (default: the reader's file for these articles)")
	load.register(cmd.Flags())
	return cmd
}

// openStore opens the annotation file for arts: path, or the default file
// for these articles.
func openStore(arts []model.Article, path string, readOnly bool) (*annotations.Store, error) {
	if path == "" {
		var err error
		if path, err = annotations.DefaultPath(arts); err != nil {
			return nil, err
		}
	}
	return annotations.Open(path, arts, annotations.Options{ReadOnly: readOnly, Generator: "parallax " + version})
}

func versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), "parallax "+cmd.Root().Version)
			return err
		},
	}
}

func runReader(ctx context.Context, sources []string, f readerFlags) error {
	switch f.theme {
	case "auto", "dark", "light":
	default:
		return fmt.Errorf("unknown theme %q (use auto, dark or light)", f.theme)
	}
	arts, err := loadArticles(ctx, sources, f.load)
	if err != nil {
		return err
	}
	store, err := openStore(arts, f.annots, f.readOnly)
	if errors.Is(err, annotations.ErrLocked) {
		// Another parallax is writing the file: read it without writing.
		fmt.Fprintf(os.Stderr, "parallax: %v; opening it read-only\n", err)
		store, err = openStore(arts, f.annots, true)
	}
	if err != nil {
		return err
	}
	defer store.Close()
	return runUI(ctx, ui.Options{
		Articles:       arts,
		Theme:          f.theme,
		Mouse:          f.mouse && !f.noMouse,
		Version:        version,
		Analyze:        analyze,
		AnnotationFile: store.Path(),
		Store:          store,
	})
}

// runUI runs the reader with standard error sent to a log file: should the
// program ever crash, the user gets one line pointing at the details rather
// than a stack trace over their terminal.
func runUI(ctx context.Context, opt ui.Options) error {
	logf, err := os.CreateTemp("", "parallax-crash-*.log")
	if err != nil {
		return ui.Run(ctx, opt)
	}
	saved := os.Stderr
	os.Stderr = logf
	err = ui.Run(ctx, opt)
	os.Stderr = saved
	info, statErr := logf.Stat()
	logf.Close()
	if errors.Is(err, tea.ErrProgramPanic) {
		return fmt.Errorf("internal error, sorry: details are in %s (every tag was saved as it was made)", logf.Name())
	}
	if statErr == nil && info.Size() == 0 {
		os.Remove(logf.Name())
	}
	return err
}

// analyze is the reader's background analysis. A failure inside it becomes
// an error the reader shows, never a crash of the reader.
func analyze(ctx context.Context, arts []model.Article) (an *model.Analysis, err error) {
	defer func() {
		if r := recover(); r != nil {
			an, err = nil, fmt.Errorf("analysis failed: %v", r)
		}
	}()
	a, err := articles.Analyze(ctx, arts)
	return &a, err
}

// loadArticles loads every source before the screen is taken over, so a bad
// source is reported on a plain terminal.
func loadArticles(ctx context.Context, sources []string, l loadFlags) ([]model.Article, error) {
	if len(sources) == 0 {
		return articles.Sample(), nil
	}
	for _, s := range sources {
		if s == "-" && term.IsTerminal(os.Stdin.Fd()) {
			return nil, errors.New(`"-" reads an article from standard input, but it is a terminal: pipe one in (… | parallax -)`)
		}
	}
	return articles.LoadAll(ctx, sources, l.options())
}

// byteSize is a flag value in bytes that accepts KB/KiB/MB/MiB/GB/GiB suffixes.
type byteSize int64

func (b *byteSize) String() string {
	switch n := int64(*b); {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "KiB"
	default:
		return strconv.FormatInt(n, 10)
	}
}
func (b *byteSize) Type() string { return "size" }
func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}}
	num, mult := strings.TrimSpace(s), int64(1)
	for _, u := range units {
		if strings.HasSuffix(strings.ToUpper(num), strings.ToUpper(u.suffix)) {
			num, mult = strings.TrimSpace(num[:len(num)-len(u.suffix)]), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("%q is not a size (try 512KiB or 10MiB)", s)
	}
	*b = byteSize(n * float64(mult))
	return nil
}

// printError prints an error as one line on stderr: what went wrong and, for
// a usage mistake, where to look.
func printError(w io.Writer, _ fang.Styles, err error) {
	msg := strings.TrimSpace(err.Error())
	if errors.Is(err, context.Canceled) {
		msg = "interrupted"
	}
	msg = strings.ReplaceAll(msg, "\n", "; ")
	if isUsageError(msg) {
		msg += " (see parallax --help)"
	}
	fmt.Fprintln(w, "parallax: "+msg)
}

func isUsageError(msg string) bool {
	for _, p := range []string{"unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "unknown command", "accepts "} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}
