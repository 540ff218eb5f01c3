# InterviewDesk. `make run` builds and starts the desktop app, `make test` runs
# every test; both install what is missing first. `make package` builds the
# Linux .deb and the Windows .exe (and its installer) in build/bin/. The scripts
# in scripts/ do the work, so they also run without make.
.PHONY: run build test bench serve package clean livekit

run:
	bash scripts/run.sh

build:
	bash scripts/deps.sh run
	bash scripts/build.sh

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh

package:
	bash scripts/deps.sh package
	bash scripts/package.sh

# The LiveKit server v1.11.0 the LiveKit backend's end-to-end test runs (built
# once into a cache outside the repository; `make test` builds it too).
livekit:
	bash scripts/livekit-server.sh

serve: build
	build/bin/interviewdesk serve

clean:
	rm -rf build/bin build/smoke build/pkg frontend/dist/assets frontend/dist/index.html
