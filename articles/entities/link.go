package entities

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// Link groups the name mentions (PERSON, ORG, GPE, LOC, NORP) of every
// article into clusters: the same normalised name, an alias ("U.S." =
// "United States"), an acronym ("AP" = "Associated Press"), or a short form
// contained in exactly one longer name ("Crocker" in "Ryan C. Crocker").
// It sets each name mention's Cluster in place (dates and numbers keep an
// empty Cluster) and returns the clusters with IDs "c1", "c2", … in order of
// first mention, articles taken in sorted ID order.
func Link(byArticle map[string][]model.Mention) []model.Cluster {
	ids := make([]string, 0, len(byArticle))
	for id := range byArticle {
		ids = append(ids, id)
	}
	sort.Strings(ids)

	l := linker{formIndex: map[string]int{}}
	type ref struct {
		article string
		i       int
		form    int
	}
	var refs []ref
	for _, id := range ids {
		ms := byArticle[id]
		for i := range ms {
			ms[i].Cluster = ""
			if !ms[i].Type.IsName() {
				continue
			}
			f := l.form(ms[i])
			if f < 0 {
				continue
			}
			refs = append(refs, ref{id, i, f})
		}
	}
	l.unite()

	// Clusters in order of first mention.
	clusterOf := map[int]int{} // root form → index in clusters
	var clusters []model.Cluster
	var stats []clusterStats
	for _, r := range refs {
		m := &byArticle[r.article][r.i]
		root := l.find(r.form)
		ci, ok := clusterOf[root]
		if !ok {
			ci = len(clusters)
			clusterOf[root] = ci
			clusters = append(clusters, model.Cluster{ID: "c" + strconv.Itoa(ci+1), Mentions: map[string]int{}})
			stats = append(stats, clusterStats{types: map[model.EntityType]int{}})
		}
		m.Cluster = clusters[ci].ID
		clusters[ci].Mentions[r.article]++
		stats[ci].add(m)
	}
	for i := range clusters {
		clusters[i].Name = stats[i].name
		clusters[i].Type = stats[i].majority()
	}
	return clusters
}

// clusterStats gathers what decides a cluster's name and type.
type clusterStats struct {
	name      string
	nameWords int
	types     map[model.EntityType]int
}

func (s *clusterStats) add(m *model.Mention) {
	s.types[m.Type]++
	name := strings.TrimSpace(m.Text)
	for _, suf := range []string{"'s", "’s"} {
		name = strings.TrimSuffix(name, suf)
	}
	n := len(nameWords(name))
	if n > s.nameWords || (n == s.nameWords && utf8.RuneCountInString(name) > utf8.RuneCountInString(s.name)) {
		s.name, s.nameWords = name, n
	}
}

// majority is the most frequent type; PERSON wins over ORG when any mention
// was typed PERSON and the name looks like a person's (two or more words,
// none an organisation cue).
func (s *clusterStats) majority() model.EntityType {
	best, bestN := model.EntityType(""), -1
	for _, t := range model.EntityTypes {
		if n := s.types[t]; n > bestN {
			best, bestN = t, n
		}
	}
	if best == model.Org && s.types[model.Person] > 0 {
		w := nameWords(s.name)
		personLike := len(w) >= 2
		for _, x := range w {
			if orgCues[x] {
				personLike = false
			}
		}
		if personLike {
			return model.Person
		}
	}
	return best
}

// linkForm is one distinct normalised name.
type linkForm struct {
	key     string
	words   []string // content words, for short-form matching
	typ     model.EntityType
	place   bool   // a gazetteer place: joins only places
	acronym string // letters when the mention was written as an acronym
	// spellings are the initials an acronym of this name may use: of its
	// content words, of all its words, with its suffix ("GEC" for "General
	// Electric Co"), without a leading qualifier ("CAC" for "Victorian
	// Corporate Affairs Commission").
	spellings []string
}

type linker struct {
	forms     []linkForm
	formIndex map[string]int
	parent    []int
}

func typeGroup(t model.EntityType) string {
	switch t {
	case model.NORP:
		return "norp"
	case model.GPE, model.Loc:
		return "place"
	}
	return "agent"
}

// form returns the index of the mention's form, adding it if new; -1 when
// the mention has no words.
func (l *linker) form(m model.Mention) int {
	words := linkWords(m.Text, m.Type == model.Person || m.Type == "")
	if len(words) == 0 {
		return -1
	}
	key := strings.Join(words, " ")
	if c, ok := aliasCanon[key]; ok {
		key = c
	} else if c, ok := aliasCanon[aliasKey(m.Text)]; ok {
		key = c
	}
	group := typeGroup(m.Type)
	if group == "norp" {
		key = "norp:" + key
	}
	if i, ok := l.formIndex[key]; ok {
		return i
	}
	f := linkForm{key: key, typ: m.Type}
	for _, w := range strings.Fields(strings.TrimPrefix(key, "norp:")) {
		if !linkStop[w] {
			f.words = append(f.words, w)
		}
	}
	_, f.place = lexicon().places[strings.TrimPrefix(key, "norp:")]
	f.place = f.place || aliasPlace[key]
	if a := acronymLetters(m.Text); a != "" && group != "norp" {
		f.acronym = a
	}
	if len(f.words) >= 2 && group != "norp" {
		full := nameWords(m.Text)
		var content []string
		for _, w := range full {
			if !linkStop[w] {
				content = append(content, w)
			}
		}
		f.spellings = appendNew(f.spellings, initials(f.words), initialsAll(key), initials(content))
		for c := content; len(c) > 2 && corporateSuffixes[c[len(c)-1]]; {
			c = c[:len(c)-1]
			f.spellings = appendNew(f.spellings, initials(c))
		}
		if len(content) >= 3 {
			f.spellings = appendNew(f.spellings, initials(content[1:]))
		}
	}
	l.formIndex[key] = len(l.forms)
	l.forms = append(l.forms, f)
	l.parent = append(l.parent, len(l.parent))
	return len(l.forms) - 1
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if len(it) >= 2 && !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

// linkStop are words ignored when matching short forms and acronyms.
var linkStop = set("of", "the", "and", "for", "de", "la", "le", "du", "des", "del", "on", "in", "at")

// acronymLetters returns the lower-case letters of a name written as an
// acronym ("AP", "U.N.", "NATO"), or "".
func acronymLetters(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case unicode.IsUpper(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '.' || r == '&':
		case unicode.IsLower(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || r == '-':
			return ""
		default:
			return ""
		}
	}
	if n := b.Len(); n < 2 || n > 6 {
		return ""
	}
	return b.String()
}

func (l *linker) find(i int) int {
	for l.parent[i] != i {
		l.parent[i] = l.parent[l.parent[i]]
		i = l.parent[i]
	}
	return i
}

func (l *linker) union(a, b int) {
	ra, rb := l.find(a), l.find(b)
	if ra == rb {
		return
	}
	// Keep the earlier form as root so results do not depend on order.
	if rb < ra {
		ra, rb = rb, ra
	}
	l.parent[rb] = ra
}

func compatible(short, long linkForm) bool {
	gs, gl := typeGroup(short.typ), typeGroup(long.typ)
	if gs == "norp" || gl == "norp" {
		return gs == gl
	}
	if short.place {
		// "Ohio" is not "the District Court in Ohio"; "New York" is "New
		// York City".
		return long.place
	}
	if gs == "place" && long.typ == model.Person || gl == "place" && short.typ == model.Person {
		return false
	}
	return true
}

// unite links acronyms and short forms to the one longer form they fit.
func (l *linker) unite() {
	// Posting lists keep this near linear: a form is compared only with
	// forms that share a word or whose initials spell its letters.
	byWord := map[string][]int{}
	byInitials := map[string][]int{}
	for j, g := range l.forms {
		for _, w := range g.words {
			if p := byWord[w]; len(p) == 0 || p[len(p)-1] != j {
				byWord[w] = append(p, j)
			}
		}
		for _, sp := range g.spellings {
			byInitials[sp] = append(byInitials[sp], j)
		}
	}
	// Possessives written without an apostrophe ("Texacos", "West
	// Germanys") join the form without the final s.
	for i, f := range l.forms {
		if strings.HasSuffix(f.key, "s") && len(f.key) > 4 {
			if j, ok := l.formIndex[f.key[:len(f.key)-1]]; ok && (typeGroup(f.typ) == "norp") == (typeGroup(l.forms[j].typ) == "norp") {
				l.union(i, j)
			}
		}
	}
	// Acronyms: the initials of exactly one longer form's cluster.
	for i, f := range l.forms {
		if f.acronym == "" || len(f.words) != 1 {
			continue
		}
		if target, ok := l.unique(i, byInitials[f.acronym], func(g linkForm) bool {
			return slices.Contains(g.spellings, f.acronym)
		}); ok {
			l.union(i, target)
		}
	}
	// Short forms, longest first, so "Ryan Crocker" joins "Ryan C. Crocker"
	// before "Crocker" looks for its one long form.
	order := make([]int, len(l.forms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(l.forms[order[a]].words) > len(l.forms[order[b]].words) })
	for _, i := range order {
		f := l.forms[i]
		if len(f.words) == 0 {
			continue
		}
		cands := byWord[f.words[0]]
		for _, w := range f.words[1:] {
			if p := byWord[w]; len(p) < len(cands) {
				cands = p
			}
		}
		if target, ok := l.unique(i, cands, func(g linkForm) bool {
			return len(g.words) > len(f.words) && subsequence(f.words, g.words)
		}); ok {
			l.union(i, target)
		}
	}
}

// unique returns a form among cands matching ok whose cluster is the only
// cluster among all matches (other than i's own), compatible with form i.
func (l *linker) unique(i int, cands []int, ok func(linkForm) bool) (int, bool) {
	found, root := -1, -1
	self := l.find(i)
	for _, j := range cands {
		g := l.forms[j]
		if j == i || !ok(g) || !compatible(l.forms[i], g) {
			continue
		}
		r := l.find(j)
		if r == self {
			continue
		}
		if root >= 0 && r != root {
			return -1, false
		}
		found, root = j, r
	}
	return found, found >= 0
}

func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if linkStop[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

// initialsAll spells the first letters of every word of key, small words
// included ("bank of america" → "boa").
func initialsAll(key string) string {
	var b strings.Builder
	for _, w := range strings.Fields(strings.TrimPrefix(key, "norp:")) {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

// subsequence reports whether short's words appear in long in order.
func subsequence(short, long []string) bool {
	j := 0
	for _, w := range long {
		if j < len(short) && short[j] == w {
			j++
		}
	}
	return j == len(short) && !slices.Equal(short, long)
}
