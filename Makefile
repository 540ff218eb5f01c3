# InterviewDesk. `make run` builds and starts the desktop app, `make test` runs
# every test; both install what is missing first. The scripts in scripts/ do the
# work, so they also run without make.
.PHONY: run build test bench serve clean

run:
	bash scripts/run.sh

build:
	bash scripts/deps.sh run
	bash scripts/build.sh

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh

serve: build
	build/bin/interviewdesk serve

clean:
	rm -rf build/bin build/smoke frontend/dist/assets frontend/dist/index.html
