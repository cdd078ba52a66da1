# The two commands a newcomer needs: `make run` and `make test` (see README.md).
# Both install missing Debian packages first, then configure and build with CMake.

JOBS      ?= $(shell nproc)
BUILD     ?= build
ASAN      ?= build-asan
CONFIG    ?= config.yaml
CMAKE_FLAGS ?=
ifeq ($(CI),true)
  CMAKE_FLAGS += -DNEWSWIRE_WERROR=ON
endif

.PHONY: all deps build run test test-release test-asan bench compare clean

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/newswire --config $(CONFIG) run

test: test-release test-asan

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite again under AddressSanitizer + UBSan, built with clang, and the fuzz targets
# for a fixed time each.
test-asan: deps
	@CC=clang CXX=clang++ cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DNEWSWIRE_SANITIZE=ON \
	  -DNEWSWIRE_FUZZ=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN) -j $(JOBS)
	cd $(ASAN) && ctest --output-on-failure -j $(JOBS)

bench: build
	./bench/run.sh $(BUILD)

# newswire against Readability.js and readability-lxml on the shared corpus (installs both).
compare: build
	./bench/compare/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN)
