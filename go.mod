module github.com/plumbline/plumbline

go 1.26.8

require (
	github.com/agnivade/levenshtein v1.2.2
	github.com/kljensen/snowball v0.10.0
)

replace github.com/kljensen/snowball => ./third_party/snowball
