# One place for build settings. Our targets link these INTERFACE targets; third-party code never does.

add_library(newswire_warnings INTERFACE)
target_compile_options(newswire_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(NEWSWIRE_WERROR)
  target_compile_options(newswire_warnings INTERFACE -Werror)
endif()

add_library(newswire_sanitizers INTERFACE)
if(NEWSWIRE_SANITIZE)
  target_compile_options(newswire_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(newswire_sanitizers INTERFACE -fsanitize=address,undefined)
  # Tests that bound memory allow for the sanitizers' own.
  target_compile_definitions(newswire_sanitizers INTERFACE NEWSWIRE_SANITIZED=1)
endif()
# In a fuzzing build our code carries the coverage instrumentation libFuzzer steers by (a fuzz
# target alone would leave it blind to the branches of the library under test).
if(NEWSWIRE_FUZZ)
  target_compile_options(newswire_sanitizers INTERFACE -fsanitize=fuzzer-no-link)
endif()

add_library(newswire_settings INTERFACE)
target_link_libraries(newswire_settings INTERFACE newswire_warnings newswire_sanitizers)
target_include_directories(newswire_settings INTERFACE ${PROJECT_SOURCE_DIR})

# newswire_library(NAME SOURCES... DEPS ...): a static library of one folder.
function(newswire_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_link_libraries(${name} PUBLIC newswire_settings ${ARG_DEPS})
endfunction()
