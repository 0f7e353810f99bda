package tagger

// The tagger's English word tables, in one place: English's language pack
// owns them, and a model for another language brings its own (or none:
// an empty table only turns its feature off).

// sportsWords are cues of a sports report, where a town's name is usually
// its team (ORG), not the place.
var sportsWords = map[uint64]bool{}

func init() {
	for _, w := range []string{"soccer", "football", "cricket", "tennis", "golf", "rugby", "baseball",
		"basketball", "hockey", "cycling", "athletics", "boxing", "league", "cup", "match", "matches",
		"goal", "goals", "scored", "striker", "midfielder", "coach", "season", "championship", "club",
		"innings", "wickets", "points", "standings", "played", "won", "lost", "drawn", "tournament",
		"round", "final", "semi-final", "quarter-final", "olympic", "race", "minute", "penalty", "defeat",
		"draw", "division", "team", "teams", "player", "players", "win", "victory", "seed", "beat", "halftime"} {
		sportsWords[hashString(w)] = true
	}
}
