package kit

import "github.com/threadproc/threadproc/harness/say"

// Catalog is what the kit says to a learner (make learn, make hint, make
// reset), in English (messages_en.go) and Korean (messages_ko.go). Say it
// with Catalog.In(say.FromEnv()).Say(key, args...).
var Catalog = say.NewCatalog("kit", english, korean)
