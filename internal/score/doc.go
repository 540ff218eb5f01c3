// Package score scores a spoken or written answer against a question's
// expected answer and key points, explainably: every Result gives a score
// from 0 to MaxScore, the points the answer covered, each with the excerpt of
// the answer that makes it, the points it missed, and a short comment.
//
// # Engines
//
// Engine is the interface. Offline, the default, runs on this machine with
// no model download; ChatEngine asks a language model behind an
// OpenAI-compatible chat-completions endpoint for the same verdict as JSON.
//
// # The offline method
//
// The points are the key points, or without them the expected answer's
// clauses (split at sentence ends, commas and "and"/"or"/"but"). Texts are
// split into words, function words dropped, words run together by lost
// spaces ("stagephase") split apart, and the rest reduced to Snowball
// (Porter2) English stems. Each expected word is weighted by BM25's inverse
// document frequency over WordNet's glosses (wordfreq.txt, a general-English
// word list shipped with the package), and by a quarter of that when the
// question already uses it. Each is then looked for in the answer: the same
// stem earns full credit; a WordNet synonym, similar adjective or
// hyponym/hypernym, a near spelling or a shared stem prefix ("reus",
// "reusabl") earns part. A point's coverage is its words' weighted credit;
// it counts as covered from one half. The score blends the points' mean
// coverage with the answer's focus (the weighted share of its own words that
// match expected ones) and maps it onto 0..5 by 5·(1−(1−c)²), a curve that
// rises fast and flattens, as human graders give full marks before every
// expected word appears. An empty answer scores 0; one that only repeats the
// question's words gets half its score.
//
// # Quality
//
// BenchmarkScorerGradingDev measures Pearson and Spearman correlation with
// human grades on testdata/grading-dev (UNT short-answer data, Mohler et al.
// 2011: 1,203 answers to 42 introductory computer-science questions). The
// constants in params were chosen on that data as a whole, never per
// question; the published figures for this data are about 0.52 (Mohler et
// al. 2011) and 0.59 (Sultan et al. 2016, with word embeddings) Pearson.
//
// # Caveats
//
// WordNet is optional: Debian's wordnet-base puts it in DefaultWordNetDir.
// Without it the engine matches stems and spellings only, scores somewhat
// worse, and names itself "offline (no WordNet)". Matching is lexical: an
// answer that is right in words the expected answer and WordNet do not relate
// (a "resizeable" list for "variable length") is scored low, so the score is
// a first assessment for the interviewer, not a verdict. English only.
package score
