# polysync_warnings(<target>): the project's warning set, as errors unless POLYSYNC_WARNINGS_AS_ERRORS is OFF.
# Third-party headers (Poco, Boost, GoogleTest) come from imported targets and /usr/include, which the
# compiler treats as system headers, so their warnings do not stop our build.
function(polysync_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
                                           $<$<BOOL:${POLYSYNC_WARNINGS_AS_ERRORS}>:-Werror>)
endfunction()
