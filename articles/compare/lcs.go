package compare

// wordMatch pairs the words of two passages that stay the same between the
// two wordings (a longest common subsequence of word keys), so a detector can
// tell a word that was replaced from one that merely moved. worddiff compares
// surface words; here the keys are stems, case-folded, which is what a
// detector needs ("Talks" = "talks", "killed" = "killing").
type wordMatch struct {
	aToB, bToA []int // index of the matching token on the other side, or -1
	gapA, gapB []int // for unmatched tokens: how many matches precede them; -1 for matched
	// sizeA and sizeB count the unmatched words of each gap.
	sizeA, sizeB map[int]int
}

// replaced reports whether token i of a and token j of b sit in the same
// short gap between matched words: one replaced the other in an otherwise
// shared wording.
func (m wordMatch) replaced(i, j int) bool {
	const maxGap = 8
	g := m.gapA[i]
	return g >= 0 && g == m.gapB[j] && m.sizeA[g] <= maxGap && m.sizeB[g] <= maxGap
}

// matchWords computes the match over word and number tokens (punctuation is
// ignored). Passages are sentences, so the quadratic table stays small; a
// passage beyond maxLCS tokens falls back to matching equal keys in order.
func matchTokens(a, b []token) wordMatch {
	m := wordMatch{aToB: fill(len(a)), bToA: fill(len(b)), gapA: make([]int, len(a)), gapB: make([]int, len(b))}
	ia, ib := wordIndexes(a), wordIndexes(b)
	const maxLCS = 400
	if len(ia) <= maxLCS && len(ib) <= maxLCS {
		n, k := len(ia), len(ib)
		table := make([]int32, (n+1)*(k+1))
		at := func(i, j int) *int32 { return &table[i*(k+1)+j] }
		for i := n - 1; i >= 0; i-- {
			for j := k - 1; j >= 0; j-- {
				if a[ia[i]].key == b[ib[j]].key {
					*at(i, j) = *at(i+1, j+1) + 1
				} else {
					*at(i, j) = max(*at(i+1, j), *at(i, j+1))
				}
			}
		}
		for i, j := 0, 0; i < n && j < k; {
			switch {
			case a[ia[i]].key == b[ib[j]].key:
				m.aToB[ia[i]], m.bToA[ib[j]] = ib[j], ia[i]
				i, j = i+1, j+1
			case *at(i+1, j) >= *at(i, j+1):
				i++
			default:
				j++
			}
		}
	} else {
		j := 0
		for _, i := range ia {
			for jj := j; jj < len(ib) && jj < j+20; jj++ {
				if a[i].key == b[ib[jj]].key {
					m.aToB[i], m.bToA[ib[jj]] = ib[jj], i
					j = jj + 1
					break
				}
			}
		}
	}
	m.sizeA = gaps(a, m.aToB, m.gapA)
	m.sizeB = gaps(b, m.bToA, m.gapB)
	return m
}

func fill(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

func wordIndexes(toks []token) []int {
	idx := make([]int, 0, len(toks))
	for i := range toks {
		if toks[i].word || toks[i].digit {
			idx = append(idx, i)
		}
	}
	return idx
}

func gaps(toks []token, match, gap []int) map[int]int {
	n := 0
	size := map[int]int{}
	for i, j := range match {
		if j >= 0 {
			n++
			gap[i] = -1
			continue
		}
		gap[i] = n
		if toks[i].word || toks[i].digit {
			size[n]++
		}
	}
	return size
}
