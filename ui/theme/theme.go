// Package theme holds parallax's styles for a dark background, a light
// background and no colour at all. Every highlight class carries text
// attributes (bold, italic, underline, reverse, strikethrough) or a gutter
// mark as well as its colour, so the no-colour theme keeps every class
// distinguishable and the colour themes read the same way.
package theme

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Theme names accepted by Named.
const (
	DarkName  = "dark"
	LightName = "light"
	MonoName  = "mono"
)

// Mark is a one-column sign drawn in a pane's gutter beside every line that
// a class touches (the cursor sentence, a tag), so it shows without colour.
type Mark struct {
	Glyph string // exactly one column wide; empty for no mark
	Style lipgloss.Style
	// Drawn is Glyph rendered in Style, made once with the theme: panes
	// draw a mark on most rows of every frame.
	Drawn string
}

// Styles is everything the reader draws with.
type Styles struct {
	Name  string // DarkName, LightName or MonoName
	Dark  bool   // built for a dark background (mono counts as dark)
	Color bool   // false for the no-colour theme

	// Pane frame: the focused pane has a heavier border, so focus shows
	// without colour too.
	Border, FocusedBorder           lipgloss.Border
	BorderStyle, FocusedBorderStyle lipgloss.Style
	Number, FocusedNumber           lipgloss.Style // the pane's 1–9 label in its border
	Title, FocusedTitle             lipgloss.Style
	Meta                            lipgloss.Style // outlet · words
	Warning                         lipgloss.Style // load warnings in the header
	Position                        lipgloss.Style // scroll position in the bottom border
	EndOfText                       lipgloss.Style // filler below the last line

	// Status bar.
	StatusBar     lipgloss.Style // the whole line
	StatusArticle lipgloss.Style // focused article label
	StatusInfo    lipgloss.Style // sentence n/N, match n/N
	StatusMessage lipgloss.Style
	StatusError   lipgloss.Style
	StatusHint    lipgloss.Style // "? help"

	// Help overlay and the search prompt.
	HelpBox   lipgloss.Style
	HelpTitle lipgloss.Style
	Help      help.Styles
	Input     textinput.Styles

	TooSmall lipgloss.Style

	// Side panels (entities, quotations): the title in the top border,
	// column headings, group headers, the selected row (with a gutter mark
	// as well, for no colour) and the mark of an article that lacks an item.
	PanelTitle, PanelHeading, PanelGroup lipgloss.Style
	PanelSelected, PanelSelectedMark     lipgloss.Style
	PanelAbsent, PanelDim                lipgloss.Style

	// Highlight is the text style of each class; Gutter its gutter mark.
	Highlight [NumClasses]lipgloss.Style
	Gutter    [NumClasses]Mark
}

// palette is the colours a theme is built from; nil colours (the no-colour
// theme) leave only attributes.
type palette struct {
	fgStrong, dim, accent, border, barBg, barFg, cursorBg, warn, errorFg color.Color
	match, current                                                       color.Color
	person, org, place, norp, datetime, number, quote, speaker, tag      color.Color
	removed, added                                                       color.Color
}

var darkPalette = palette{
	fgStrong: lipgloss.Color("#E6E9F2"), dim: lipgloss.Color("#7A8194"),
	accent: lipgloss.Color("#7AA2F7"), border: lipgloss.Color("#434A5E"),
	barBg: lipgloss.Color("#3A3F4B"), barFg: lipgloss.Color("#C0CAF5"),
	cursorBg: lipgloss.Color("#303446"), warn: lipgloss.Color("#E0AF68"), errorFg: lipgloss.Color("#F7768E"),
	match: lipgloss.Color("#E0AF68"), current: lipgloss.Color("#FF9E64"),
	person: lipgloss.Color("#7DCFFF"), org: lipgloss.Color("#BB9AF7"), place: lipgloss.Color("#9ECE6A"),
	norp: lipgloss.Color("#73DACA"), datetime: lipgloss.Color("#E0AF68"), number: lipgloss.Color("#FF9E64"),
	quote: lipgloss.Color("#A9B1D6"), speaker: lipgloss.Color("#F7768E"), tag: lipgloss.Color("#D7A2F0"),
	removed: lipgloss.Color("#F7768E"), added: lipgloss.Color("#9ECE6A"),
}

var lightPalette = palette{
	fgStrong: lipgloss.Color("#1A1B26"), dim: lipgloss.Color("#6A6F80"),
	accent: lipgloss.Color("#2E5CB8"), border: lipgloss.Color("#B4BACB"),
	barBg: lipgloss.Color("#E1E4EE"), barFg: lipgloss.Color("#2A2E3D"),
	cursorBg: lipgloss.Color("#E6ECFA"), warn: lipgloss.Color("#8F5E00"), errorFg: lipgloss.Color("#B3243E"),
	match: lipgloss.Color("#B07D00"), current: lipgloss.Color("#C2410C"),
	person: lipgloss.Color("#006B9E"), org: lipgloss.Color("#6B3FA0"), place: lipgloss.Color("#2F7A1F"),
	norp: lipgloss.Color("#00776B"), datetime: lipgloss.Color("#8F5E00"), number: lipgloss.Color("#B3470C"),
	quote: lipgloss.Color("#3D4461"), speaker: lipgloss.Color("#B3243E"), tag: lipgloss.Color("#8A3FA0"),
	removed: lipgloss.Color("#B3243E"), added: lipgloss.Color("#2F7A1F"),
}

// Dark is the theme for dark backgrounds.
func Dark() *Styles { return build(DarkName, true, &darkPalette) }

// Light is the theme for light backgrounds.
func Light() *Styles { return build(LightName, false, &lightPalette) }

// Mono is the theme without colour, for NO_COLOR and terminals without
// colour: attributes and marks only.
func Mono() *Styles { return build(MonoName, true, &palette{}) }

// Named returns the theme called name (DarkName, LightName or MonoName) and
// whether the name is known; an unknown name gives Dark.
func Named(name string) (*Styles, bool) {
	switch name {
	case DarkName:
		return Dark(), true
	case LightName:
		return Light(), true
	case MonoName:
		return Mono(), true
	}
	return Dark(), false
}

func build(name string, dark bool, p *palette) *Styles {
	colored := p.accent != nil
	fg := func(s lipgloss.Style, c color.Color) lipgloss.Style {
		if c == nil {
			return s
		}
		return s.Foreground(c)
	}
	bg := func(s lipgloss.Style, c color.Color) lipgloss.Style {
		if c == nil {
			return s
		}
		return s.Background(c)
	}
	plain := lipgloss.NewStyle()
	// Without colour, dim text is faint; with colour, a grey reads better.
	dim := fg(plain, p.dim)
	if !colored {
		dim = plain.Faint(true)
	}

	s := &Styles{
		Name: name, Dark: dark, Color: colored,
		Border:             lipgloss.RoundedBorder(),
		FocusedBorder:      lipgloss.ThickBorder(),
		BorderStyle:        fg(plain, p.border),
		FocusedBorderStyle: fg(plain, p.accent),
		Number:             dim,
		FocusedNumber:      fg(plain.Bold(true), p.accent),
		Title:              fg(plain, p.fgStrong),
		FocusedTitle:       fg(plain.Bold(true), p.fgStrong),
		Meta:               dim,
		Warning:            fg(plain, p.warn),
		Position:           dim,
		EndOfText:          dim,

		StatusBar:     bg(fg(plain, p.barFg), p.barBg),
		StatusArticle: fg(plain.Bold(true), p.accent),
		StatusInfo:    plain,
		StatusMessage: fg(plain.Italic(true), p.warn),
		StatusError:   fg(plain.Bold(true), p.errorFg),
		StatusHint:    dim,

		HelpBox:   fg(plain.Border(lipgloss.RoundedBorder()).Padding(0, 1), nil).BorderForeground(orNoColor(p.accent)),
		HelpTitle: fg(plain.Bold(true), p.accent),
		Help:      help.DefaultStyles(dark),
		Input:     textinput.DefaultStyles(dark),
		TooSmall:  fg(plain.Bold(true), p.warn),

		PanelTitle:        fg(plain.Bold(true), p.fgStrong),
		PanelHeading:      dim.Underline(true),
		PanelGroup:        fg(plain.Bold(true), p.accent),
		PanelSelected:     bg(plain.Bold(true), p.cursorBg),
		PanelSelectedMark: fg(plain.Bold(true), p.accent),
		PanelAbsent:       fg(plain, p.warn),
		PanelDim:          dim,
	}
	if !colored {
		// A bar without a background colour is drawn reversed.
		s.StatusBar = plain.Reverse(true)
		s.Help = help.Styles{
			ShortKey: plain.Bold(true), FullKey: plain.Bold(true),
			ShortDesc: plain, FullDesc: plain,
			ShortSeparator: dim, FullSeparator: dim, Ellipsis: dim,
		}
		s.Input.Focused.Placeholder = dim
		s.Input.Blurred.Placeholder = dim
		// Without a background colour the selected row is reversed.
		s.PanelSelected = plain.Reverse(true)
	}
	// The prompt's cursor must not blink: a blinking cursor redraws the
	// screen twice a second for nothing and makes views nondeterministic.
	s.Input.Cursor.Blink = false

	h := &s.Highlight
	// Attributes are the same in every theme; colour is added on top.
	h[Plain] = plain
	h[Cursor] = bg(plain, p.cursorBg)
	h[Match] = fg(plain.Reverse(true), p.match)
	h[CurrentMatch] = fg(plain.Reverse(true).Bold(true).Underline(true), p.current)
	h[Person] = fg(plain.Bold(true), p.person)
	h[Org] = fg(plain.Bold(true).Underline(true), p.org)
	h[Place] = fg(plain.Italic(true), p.place)
	h[NORP] = fg(plain.Italic(true).Underline(true), p.norp)
	h[DateTime] = fg(plain.Underline(true), p.datetime)
	h[Number] = fg(plain.Bold(true).Italic(true), p.number)
	// Quotations are italic, not faint: they are what a reader compares
	// most closely. Their gutter mark tells them from places (also italic)
	// without colour.
	h[Quote] = fg(plain.Italic(true), p.quote)
	h[Speaker] = fg(plain.Bold(true).Italic(true).Underline(true), p.speaker)
	h[Tag] = fg(plain.Reverse(true).Italic(true), p.tag)
	h[DiffRemoved] = fg(plain.Strikethrough(true), p.removed)
	h[DiffAdded] = fg(plain.Reverse(true).Underline(true), p.added)
	// The selection is reversed and bold in every theme, over the cursor
	// sentence's background, so it reads the same without colour.
	h[Selection] = fg(plain.Reverse(true).Bold(true), p.accent)
	// The mention or quotation just jumped to: reversed like a search
	// match, bold and italic so it differs from one without colour.
	h[Current] = fg(plain.Reverse(true).Bold(true).Italic(true), p.current)
	// The counterpart of the cursor sentence in another pane: the cursor's
	// background, told apart by its gutter mark (all it has without colour).
	h[Linked] = bg(plain, p.cursorBg)

	g := &s.Gutter
	g[Cursor] = Mark{Glyph: "▌", Style: fg(plain.Bold(true), p.accent)}
	g[Quote] = Mark{Glyph: "┊", Style: fg(plain, p.quote)}
	g[Tag] = Mark{Glyph: "┃", Style: fg(plain, p.tag)}
	g[DiffRemoved] = Mark{Glyph: "-", Style: fg(plain.Bold(true), p.removed)}
	g[DiffAdded] = Mark{Glyph: "+", Style: fg(plain.Bold(true), p.added)}
	g[Linked] = Mark{Glyph: "≈", Style: fg(plain.Bold(true), p.accent)}
	g[Selection] = Mark{Glyph: "»", Style: fg(plain.Bold(true), p.accent)}
	for i := range g {
		if g[i].Glyph != "" {
			g[i].Drawn = g[i].Style.Render(g[i].Glyph)
		}
	}
	return s
}

// orNoColor keeps a nil colour from reaching lipgloss, which would treat it
// as a colour value.
func orNoColor(c color.Color) color.Color {
	if c == nil {
		return lipgloss.NoColor{}
	}
	return c
}
