package ui

import (
	"context"
	"errors"
	"os"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/parallax-reader/parallax/annotations"
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/component"
	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/preview"
	"github.com/parallax-reader/parallax/ui/theme"
)

// Options configure the reader.
type Options struct {
	Articles []model.Article
	// Theme is "auto" (or empty: follow the terminal's background), "dark",
	// "light", or "mono" (no colour). NO_COLOR in the environment always
	// means no colour.
	Theme   string
	Mouse   bool
	Version string
	// Analyze, when set, runs in the background after the text is shown;
	// its result arrives as an AnalysisMsg while the status bar spins.
	Analyze func(ctx context.Context, arts []model.Article) (*model.Analysis, error)
	// AnnotationFile is the annotation file's path, shown at the right of
	// the status bar; empty shows nothing.
	AnnotationFile string
	// Store is the open annotation file the reader tags into; nil means
	// tagging is off (the reader says so when t is pressed).
	Store *annotations.Store
}

// AnalysisStartedMsg tells the reader an analysis is running: the status
// bar shows a spinner until an AnalysisMsg arrives.
type AnalysisStartedMsg struct{}

// AnalysisMsg delivers the background analysis of the articles (or why it
// failed). Features that draw entities, quotations and suggestions start
// from Model.Analysis once it has arrived.
type AnalysisMsg struct {
	Analysis *model.Analysis
	Err      error
}

// Model is the reader's root model: the article panes side by side, the
// status bar, the search prompt and the help overlay.
type Model struct {
	c   *component.Common
	opt Options
	ctx context.Context

	exp     *preview.Model // the export preview while open (m)
	expHelp bool           // ? pressed in the preview: its keys over it

	arts  []model.Article
	panes []*pane.Pane
	focus int
	first int // first pane shown
	shown int // how many panes are shown side by side

	state      keys.State
	input      textinput.Model
	help       help.Model
	helpScroll int
	helpFrom   keys.State // the state help was opened from, and returns to
	query      string     // the last search, reused by n/N in any pane

	status    string
	statusErr bool

	analysing bool
	spinner   spinner.Model
	analysis  *model.Analysis

	tags tagging // the annotation store and everything tagging shows
	link linking // linked scrolling and the diff of the pair under the cursor

	sugg suggesting // the analysis's suggestions still open

	aids readingAids // highlights, e/E/" and the status bar's context
	side sidePanels  // the side panels (entities, quotations, …)

	// Theme choice: the name asked for, what the terminal reported, and
	// whether colour is off altogether.
	themeAsked string
	darkBg     bool
	noColor    bool
}

// New returns the root model for the articles. It draws nothing until it
// learns the terminal's size.
func New(opt Options) *Model {
	m := &Model{
		opt:        opt,
		ctx:        context.Background(),
		arts:       opt.Articles,
		themeAsked: opt.Theme,
		darkBg:     true,
		noColor:    os.Getenv("NO_COLOR") != "",
	}
	m.c = component.NewCommon(m.pickTheme())
	for i := range m.arts {
		m.panes = append(m.panes, pane.New(m.c, &m.arts[i], i+1))
	}
	if len(m.panes) > 0 {
		m.panes[0].SetFocused(true)
	}
	m.input = textinput.New()
	m.input.Prompt = "/"
	m.input.Placeholder = "search this article"
	m.input.CharLimit = 200
	m.help = help.New()
	m.spinner = spinner.New(spinner.WithSpinner(spinner.MiniDot))
	m.applyTheme()
	m.tags.store = opt.Store
	m.placeTags()
	m.syncKeys()
	return m
}

// Run shows the reader full screen until the user quits or ctx ends.
func Run(ctx context.Context, opt Options) error {
	m := New(opt)
	m.ctx = ctx
	_, err := tea.NewProgram(m, tea.WithContext(ctx)).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// Init asks for the background colour (to pick a theme) and starts the
// analysis, if there is one.
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.autoTheme() {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.tags.store != nil {
		cmds = append(cmds, refreshTick())
	}
	if m.opt.Analyze != nil {
		analyze, ctx, arts := m.opt.Analyze, m.ctx, m.arts
		cmds = append(cmds,
			func() tea.Msg { return AnalysisStartedMsg{} },
			func() tea.Msg {
				a, err := analyze(ctx, arts)
				return AnalysisMsg{Analysis: a, Err: err}
			})
	}
	return tea.Batch(cmds...)
}

// Analysis is the background analysis, nil until it has arrived.
func (m *Model) Analysis() *model.Analysis { return m.analysis }

// Panes are the article panes in article order.
func (m *Model) Panes() []*pane.Pane { return m.panes }

// Focus is the index of the focused pane.
func (m *Model) Focus() int { return m.focus }

// Shown returns the first pane shown and how many are shown side by side.
func (m *Model) Shown() (first, n int) { return m.first, m.shown }

// State is what the reader is doing (reading, searching, help open).
func (m *Model) State() keys.State { return m.state }

// Status is the status bar's current message.
func (m *Model) Status() string { return m.status }

// SetAnnotationFile changes the annotation file shown in the status bar.
func (m *Model) SetAnnotationFile(path string) { m.opt.AnnotationFile = path }

// Styles are the styles in use.
func (m *Model) Styles() *theme.Styles { return m.c.Styles }

func (m *Model) autoTheme() bool {
	return m.themeAsked == "" || m.themeAsked == "auto"
}

// pickTheme chooses the styles: no colour wins, then an explicit theme,
// then the terminal's background.
func (m *Model) pickTheme() *theme.Styles {
	if m.noColor {
		return theme.Mono()
	}
	if st, ok := theme.Named(m.themeAsked); ok {
		return st
	}
	if m.darkBg {
		return theme.Dark()
	}
	return theme.Light()
}

// applyTheme hands the current styles to the bubbles the root owns.
func (m *Model) applyTheme() {
	st := m.c.Styles
	m.help.Styles = st.Help
	m.input.SetStyles(st.Input)
	m.spinner.Style = st.StatusInfo
	for _, sp := range m.side.list {
		sp.p.SetStyles()
	}
}

func (m *Model) setTheme() {
	m.c.Styles = m.pickTheme()
	m.applyTheme()
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.noteMarks()
	cmd := m.update(msg)
	m.syncCompare()
	m.syncKeys()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	if cmd, ok := m.updateExport(msg); ok {
		return cmd
	}
	if cmd, ok := m.updateTags(msg); ok {
		return cmd
	}
	if cmd, ok := m.updatePanels(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.layout()
		return nil
	case tea.BackgroundColorMsg:
		m.darkBg = msg.IsDark()
		m.setTheme()
		return nil
	case tea.ColorProfileMsg:
		// A terminal without colour gets the theme built for it, whose
		// highlights differ by attribute alone.
		if msg.Profile <= colorprofile.ASCII && !m.noColor {
			m.noColor = true
			m.setTheme()
		}
		return nil
	case component.StatusMsg:
		m.status, m.statusErr = msg.Text, msg.Error
		return nil
	case AnalysisStartedMsg:
		m.analysing = true
		return m.spinner.Tick
	case AnalysisMsg:
		return m.applyAnalysis(msg)
	case spinner.TickMsg:
		if !m.analysing {
			return nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return cmd
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseWheelMsg:
		m.handleWheel(msg)
		return nil
	case tea.MouseClickMsg:
		m.handleClick(msg)
		return nil
	}
	if m.state == keys.Searching {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return cmd
	}
	if m.state == keys.Tagging {
		// Pastes and the note's own messages.
		return m.tags.form.form.Update(msg)
	}
	return nil
}

// oneLine keeps an error message to one status-bar line.
func oneLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}

// focused is the pane keys go to; nil without articles.
func (m *Model) focused() *pane.Pane {
	if len(m.panes) == 0 {
		return nil
	}
	return m.panes[m.focus]
}

// syncKeys enables exactly the bindings that do something now, so help
// lists only working keys.
func (m *Model) syncKeys() {
	k := m.c.Keys
	many := len(m.panes) > 1
	k.NextPane.SetEnabled(many)
	k.PrevPane.SetEnabled(many)
	k.PaneN.SetEnabled(many)
	p := m.focused()
	hasSentences := false
	if p != nil {
		_, n := p.Cursor()
		hasSentences = n > 0
	}
	searched := false
	for _, q := range m.panes {
		searched = searched || q.SearchInfo().Query != ""
	}
	k.NextSentence.SetEnabled(hasSentences)
	k.PrevSentence.SetEnabled(hasSentences)
	k.NextMatch.SetEnabled(m.query != "")
	k.PrevMatch.SetEnabled(m.query != "")
	k.ClearSearch.SetEnabled(searched)
	k.Search.SetEnabled(p != nil)
	m.syncTagKeys()
	m.syncCompareKeys()
	m.syncAnalysisKeys()
}
