package kit

import "github.com/threadproc/threadproc/harness/internal/manifest"

// Manifest is an exercise's manifest (see package manifest).
type Manifest = manifest.Manifest

// Task is one numbered task of an exercise.
type Task = manifest.Task

// ManifestFile is the name of an exercise's manifest, in its folder.
const ManifestFile = manifest.File

// LoadManifest reads ex's manifest.
func LoadManifest(ex Exercise) (Manifest, error) { return manifest.Load(ex.Dir()) }
