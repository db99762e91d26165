# The stub host refuses a bad plugin: `polysync-host-stub --plugin-dir DIR plugins` exits with 3 and says
# why in one line on stderr.   cmake -DHOST=<exe> -DPLUGIN_DIR=<dir> -P expect_refusal.cmake
execute_process(COMMAND "${HOST}" --plugin-dir "${PLUGIN_DIR}" plugins
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 3)
  message(FATAL_ERROR "expected exit code 3 for ${PLUGIN_DIR}, got ${rc}\nstdout: ${out}\nstderr: ${err}")
endif()
string(STRIP "${err}" err)
if(err STREQUAL "")
  message(FATAL_ERROR "the host refused ${PLUGIN_DIR} without saying why")
endif()
message(STATUS "refused as expected: ${err}")
