module github.com/plumbline/plumbline

go 1.26.8

require (
	github.com/agnivade/levenshtein v1.2.2 // indirect
	github.com/kljensen/snowball v0.10.0 // indirect
)

replace github.com/kljensen/snowball => ./third_party/snowball
