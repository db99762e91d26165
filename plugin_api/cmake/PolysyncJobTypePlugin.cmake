# polysync_jobtype_plugin(<target>): makes a MODULE library a polysync_jobtype_v1 plugin that exports exactly
# one symbol, polysync_jobtype_v1_entry (ABI-GUIDE.md rule 1):
#   - hidden visibility for C and C++, inline functions included;
#   - the linker version script (global: polysync_jobtype_v1_entry; local: *) so nothing else is exported;
#   - --exclude-libs,ALL so symbols of static libraries (Poco, libstdc++ pieces) never leak;
#   - -z defs so a missing symbol fails the link instead of the host's dlopen();
#   - no "lib" prefix: the manifest names the file.
# Used in-tree (plugin_api/CMakeLists.txt includes it) and by the installed package config, so an
# out-of-tree plugin is linked exactly like ours. Needs POLYSYNC_JOBTYPE_VERSION_SCRIPT set.
function(polysync_jobtype_plugin target)
  if(NOT POLYSYNC_JOBTYPE_VERSION_SCRIPT)
    message(FATAL_ERROR "polysync_jobtype_plugin: POLYSYNC_JOBTYPE_VERSION_SCRIPT is not set")
  endif()
  set_target_properties(${target} PROPERTIES C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden
                                             VISIBILITY_INLINES_HIDDEN ON PREFIX "")
  target_link_libraries(${target} PRIVATE PolysyncJobType::api)
  target_link_options(${target} PRIVATE "LINKER:--version-script=${POLYSYNC_JOBTYPE_VERSION_SCRIPT}"
                                        "LINKER:--exclude-libs,ALL" "LINKER:-z,defs")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${POLYSYNC_JOBTYPE_VERSION_SCRIPT}")
endfunction()
