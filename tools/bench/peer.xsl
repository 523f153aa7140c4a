<?xml version="1.0" encoding="UTF-8"?>
<!--
  The benchmark's peer: the curriculum rules an engineer would write in XSLT 1.0 without
  ahaki-check. All 20 curriculum rules, CUR-001..CUR-020, thresholds inline (the t:type table below).

  Input: an index of the files to check, so that one xsltproc process checks them all:
    <files><file href="/abs/path/school-00001.xml"/>...</files>
  Run:   xsltproc -o report.xml peer.xsl index.xml
  Output: <report><file href="..." errors="n" warnings="n"><finding rule= severity= .../></file></report>
  Numbers are compared in thousandths (round(x * 1000)) so that decimal sums are exact enough.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:ahaki-check:school:1"
    xmlns:t="urn:ahaki-check:bench:peer-thresholds"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="s t exsl">

  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <!-- 別表第一 (minimum units per area) and 指導要領 8(4) (total units / hours) by facility type. -->
  <t:types>
    <t:type code="anma"          units="85"  hours="2385" foundations="14" body-structure-function="12" disease-prevention-recovery="12" health-welfare-ethics="3" basic-theory="7" clinical-theory="11" social-theory="2" practical-training="10" clinical-practice="4" integrated="10"/>
    <t:type code="hari"          units="88"  hours="2475" foundations="14" body-structure-function="12" disease-prevention-recovery="12" health-welfare-ethics="3" basic-theory="8" clinical-theory="11" social-theory="2" practical-training="12" clinical-practice="4" integrated="10"/>
    <t:type code="kyu"           units="86"  hours="2415" foundations="14" body-structure-function="12" disease-prevention-recovery="12" health-welfare-ethics="3" basic-theory="8" clinical-theory="11" social-theory="2" practical-training="10" clinical-practice="4" integrated="10"/>
    <t:type code="anma-hari"     units="94"  hours="2655" foundations="14" body-structure-function="12" disease-prevention-recovery="12" health-welfare-ethics="3" basic-theory="9" clinical-theory="13" social-theory="2" practical-training="15" clinical-practice="4" integrated="10"/>
    <t:type code="anma-kyu"      units="92"  hours="2595" foundations="14" body-structure-function="12" disease-prevention-recovery="12" health-welfare-ethics="3" basic-theory="9" clinical-theory="13" social-theory="2" practical-training="13" clinical-practice="4" integrated="10"/>
    <t:type code="hari-kyu"      units="94"  hours="2655" foundations="14" body-structure-function="12" disease-prevention-recovery="12" health-welfare-ethics="3" basic-theory="9" clinical-theory="13" social-theory="2" practical-training="15" clinical-practice="4" integrated="10"/>
    <t:type code="anma-hari-kyu" units="100" hours="2835" foundations="14" body-structure-function="12" disease-prevention-recovery="12" health-welfare-ethics="3" basic-theory="9" clinical-theory="15" social-theory="2" practical-training="19" clinical-practice="4" integrated="10"/>
  </t:types>
  <t:areas>
    <t:area code="foundations"/><t:area code="body-structure-function"/><t:area code="disease-prevention-recovery"/>
    <t:area code="health-welfare-ethics"/><t:area code="basic-theory"/><t:area code="clinical-theory"/>
    <t:area code="social-theory"/><t:area code="practical-training"/><t:area code="clinical-practice"/>
    <t:area code="integrated"/>
  </t:areas>
  <!-- 別表第一 備考: what each area must include (CUR-015). -->
  <t:contents>
    <t:content code="communication" area="foundations"/>
    <t:content code="kinesiology" area="body-structure-function"/>
    <t:content code="social-security" area="health-welfare-ethics"/>
    <t:content code="professional-ethics" area="health-welfare-ethics"/>
    <t:content code="oriental-medicine-overview" area="basic-theory"/>
    <t:content code="meridians-acupoints" area="basic-theory"/>
    <t:content code="indication-judgement" area="clinical-theory"/>
    <t:content code="pathophysiology" area="clinical-theory"/>
    <t:content code="body-observation" area="clinical-theory"/>
    <t:content code="pre-clinical-skills-exam" area="practical-training"/>
  </t:contents>
  <t:days><t:day code="mon"/><t:day code="tue"/><t:day code="wed"/><t:day code="thu"/><t:day code="fri"/><t:day code="sat"/><t:day code="sun"/></t:days>

  <xsl:variable name="self" select="document('')/xsl:stylesheet"/>
  <xsl:variable name="types" select="$self/t:types/t:type"/>
  <xsl:variable name="areas" select="$self/t:areas/t:area"/>
  <xsl:variable name="contents" select="$self/t:contents/t:content"/>
  <xsl:variable name="weekdays" select="$self/t:days/t:day"/>
  <!-- 指導要領 8(5), 8(6): night classes start at 18:00 (minutes), at most 4 h (240 min) a day. -->
  <xsl:variable name="night-from" select="1080"/>
  <xsl:variable name="night-max" select="240"/>

  <xsl:key name="site" match="s:clinical-sites/s:site" use="@id"/>
  <xsl:key name="year" match="s:course/s:subject" use="concat(../@id, '|', @year)"/>

  <xsl:template match="/">
    <report>
      <xsl:for-each select="/files/file">
        <xsl:variable name="findings">
          <xsl:apply-templates select="document(@href, .)/s:school"/>
        </xsl:variable>
        <xsl:variable name="f" select="exsl:node-set($findings)/finding"/>
        <file href="{@href}" errors="{count($f[@severity = 'error'])}" warnings="{count($f[@severity = 'warning'])}">
          <xsl:copy-of select="$f"/>
        </file>
      </xsl:for-each>
    </report>
  </xsl:template>

  <xsl:template match="s:school">
    <xsl:variable name="t" select="$types[@code = current()/@type]"/>
    <xsl:for-each select="s:course">
      <xsl:variable name="course" select="."/>
      <xsl:variable name="subjects" select="s:subject"/>

      <!-- CUR-001: units per area >= 別表第一 -->
      <xsl:for-each select="$areas">
        <xsl:variable name="a" select="@code"/>
        <xsl:variable name="need" select="$t/@*[local-name() = $a]"/>
        <xsl:variable name="have" select="sum($subjects[@area = $a]/@units)"/>
        <xsl:if test="round($have * 1000) &lt; round($need * 1000)">
          <finding rule="CUR-001" severity="error" course="{$course/@id}" area="{$a}" have="{$have}" need="{$need}"/>
        </xsl:if>
      </xsl:for-each>

      <!-- CUR-002 / CUR-003: totals >= 指導要領 8(4) -->
      <xsl:variable name="units" select="sum($subjects/@units)"/>
      <xsl:variable name="hours" select="sum($subjects/@hours)"/>
      <xsl:if test="round($units * 1000) &lt; round($t/@units * 1000)">
        <finding rule="CUR-002" severity="error" course="{@id}" have="{$units}" need="{$t/@units}"/>
      </xsl:if>
      <xsl:if test="round($hours * 1000) &lt; round($t/@hours * 1000)">
        <finding rule="CUR-003" severity="error" course="{@id}" have="{$hours}" need="{$t/@hours}"/>
      </xsl:if>

      <!-- CUR-007: visually impaired route: the required years are UNKNOWN, so a person reviews them -->
      <xsl:if test="@visually-impaired = 'true'">
        <finding rule="CUR-007" severity="review" course="{@id}" have="{@years}"/>
      </xsl:if>

      <!-- CUR-015: each content of 別表第一 備考 marked (covers) on a subject of its area -->
      <xsl:for-each select="$contents">
        <xsl:variable name="token" select="concat(' ', @code, ' ')"/>
        <xsl:variable name="marking" select="$subjects[contains(concat(' ', normalize-space(@covers), ' '), $token)]"/>
        <xsl:choose>
          <xsl:when test="$marking[@area = current()/@area]"/>
          <xsl:when test="$marking">
            <finding rule="CUR-015" severity="error" course="{$course/@id}" content="{@code}" subject="{$marking[1]/@id}"/>
          </xsl:when>
          <xsl:otherwise>
            <finding rule="CUR-015" severity="review" course="{$course/@id}" content="{@code}"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>

      <!-- CUR-010..013: the timetable (times in minutes after midnight) -->
      <xsl:if test="s:timetable">
        <xsl:variable name="rows">
          <xsl:for-each select="s:timetable/s:session">
            <xsl:variable name="a" select="substring-before(@start, ':') * 60 + substring-after(@start, ':')"/>
            <xsl:variable name="b" select="substring-before(@end, ':') * 60 + substring-after(@end, ':')"/>
            <xsl:variable name="lo" select="$a * ($a &gt;= $night-from) + $night-from * ($a &lt; $night-from)"/>
            <xsl:variable name="days" select="normalize-space(@days)"/>
            <xsl:variable name="ndays" select="string-length($days) - string-length(translate($days, ' ', '')) + 1"/>
            <row days="{concat(' ', $days, ' ')}" start="{$a}" end="{$b}" night="{($b - $lo) * ($b &gt; $lo)}"
                 week="{($b - $a) * $ndays}" unavoidable="{@unavoidable = 'true'}"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="r" select="exsl:node-set($rows)/row"/>
        <xsl:choose>
          <xsl:when test="@schedule = 'night'">
            <!-- CUR-010: at most 4 class hours a day after 18:00 -->
            <xsl:for-each select="$weekdays">
              <xsl:variable name="m" select="sum($r[contains(@days, concat(' ', current()/@code, ' '))]/@night)"/>
              <xsl:if test="$m &gt; $night-max">
                <finding rule="CUR-010" severity="error" course="{$course/@id}" day="{@code}" have="{$m div 60}" need="{$night-max div 60}"/>
              </xsl:if>
            </xsl:for-each>
            <!-- CUR-011: daytime classes only when unavoidable (then a review) -->
            <xsl:for-each select="$r[@start &lt; $night-from]">
              <finding rule="CUR-011" course="{$course/@id}" start="{@start}">
                <xsl:attribute name="severity">
                  <xsl:choose><xsl:when test="@unavoidable = 'true'">review</xsl:when><xsl:otherwise>error</xsl:otherwise></xsl:choose>
                </xsl:attribute>
              </finding>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <!-- CUR-012: night classes in a day course only when unavoidable (then a review) -->
            <xsl:for-each select="$r[@end &gt; $night-from]">
              <finding rule="CUR-012" course="{$course/@id}" end="{@end}">
                <xsl:attribute name="severity">
                  <xsl:choose><xsl:when test="@unavoidable = 'true'">review</xsl:when><xsl:otherwise>error</xsl:otherwise></xsl:choose>
                </xsl:attribute>
              </finding>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
        <!-- CUR-013: the timetable holds each year's hours and the whole curriculum -->
        <xsl:variable name="per-year" select="sum($r/@week) * s:timetable/@weeks-per-year div 60"/>
        <xsl:if test="round($hours * 1000) &gt; round($per-year * @years * 1000)">
          <finding rule="CUR-013" severity="error" course="{@id}" have="{$hours}" need="{$per-year * @years}"/>
        </xsl:if>
        <!-- one subject per year (Muenchian grouping), then that year's hours -->
        <xsl:for-each select="$subjects[@year][generate-id() = generate-id(key('year', concat($course/@id, '|', @year))[1])]">
          <xsl:variable name="need" select="sum(key('year', concat($course/@id, '|', @year))/@hours)"/>
          <xsl:if test="@year &lt;= $course/@years and round($need * 1000) &gt; round($per-year * 1000)">
            <finding rule="CUR-013" severity="error" course="{$course/@id}" year="{@year}" have="{$need}" need="{$per-year}"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:if>

      <!-- CUR-006: at least 3 years -->
      <xsl:if test="@years &lt; 3">
        <finding rule="CUR-006" severity="error" course="{@id}" have="{@years}" need="3"/>
      </xsl:if>

      <!-- CUR-008 / CUR-009: placements by kind of site, per course -->
      <xsl:variable name="placements" select="$subjects/s:placement"/>
      <xsl:variable name="medical" select="sum($placements[key('site', @site)/@kind = 'medical']/@units)"/>
      <xsl:variable name="own" select="sum($placements[key('site', @site)/@kind = 'affiliated' or key('site', @site)/@kind = 'clinic']/@units)"/>
      <xsl:if test="round($medical * 1000) &gt; 1000">
        <finding rule="CUR-008" severity="error" course="{@id}" have="{$medical}" need="1"/>
      </xsl:if>
      <xsl:if test="round($own * 1000) &lt; 3000">
        <finding rule="CUR-009" severity="error" course="{@id}" have="{$own}" need="3"/>
      </xsl:if>

      <!-- CUR-014: credit transfer at most 7 units -->
      <xsl:if test="@credit-transfer-units and round(@credit-transfer-units * 1000) &gt; 7000">
        <finding rule="CUR-014" severity="error" course="{@id}" have="{@credit-transfer-units}" need="7"/>
      </xsl:if>

      <xsl:for-each select="$subjects">
        <xsl:variable name="u" select="round(@units * 1000)"/>
        <xsl:variable name="h" select="round(@hours * 1000)"/>
        <!-- CUR-004: hours per unit within the method's range -->
        <xsl:if test="$u &gt; 0">
          <xsl:choose>
            <xsl:when test="@method = 'lecture' or @method = 'seminar'">
              <xsl:if test="$h &lt; 15 * $u or $h &gt; 30 * $u">
                <finding rule="CUR-004" severity="error" course="{$course/@id}" subject="{@id}" have="{@hours div @units}" need="15-30"/>
              </xsl:if>
            </xsl:when>
            <xsl:when test="@method = 'experiment' or @method = 'practical' or @method = 'skills'">
              <xsl:if test="$h &lt; 30 * $u or $h &gt; 45 * $u">
                <finding rule="CUR-004" severity="error" course="{$course/@id}" subject="{@id}" have="{@hours div @units}" need="30-45"/>
              </xsl:if>
            </xsl:when>
          </xsl:choose>
        </xsl:if>
        <!-- CUR-005: clinical practice is exactly 45 h per unit -->
        <xsl:if test="@method = 'clinical' and $h != 45 * $u">
          <finding rule="CUR-005" severity="error" course="{$course/@id}" subject="{@id}" have="{@hours}" need="{45 * @units}"/>
        </xsl:if>
        <!-- CUR-020: a clinical practice subject uses the clinical method -->
        <xsl:if test="@area = 'clinical-practice' and @method != 'clinical'">
          <finding rule="CUR-020" severity="error" course="{$course/@id}" subject="{@id}" have="{@method}" need="clinical"/>
        </xsl:if>
        <!-- CUR-016: zero units -->
        <xsl:if test="$u = 0">
          <finding rule="CUR-016" severity="warning" course="{$course/@id}" subject="{@id}"/>
        </xsl:if>
        <!-- CUR-017: same name as an earlier subject of the course -->
        <xsl:if test="@name = preceding-sibling::s:subject/@name">
          <finding rule="CUR-017" severity="warning" course="{$course/@id}" subject="{@id}" name="{@name}"/>
        </xsl:if>
        <!-- CUR-018: year beyond the course's years -->
        <xsl:if test="@year and @year &gt; $course/@years">
          <finding rule="CUR-018" severity="error" course="{$course/@id}" subject="{@id}" have="{@year}" need="{$course/@years}"/>
        </xsl:if>
        <!-- CUR-019: placements add up to the subject's units -->
        <xsl:if test="s:placement and round(sum(s:placement/@units) * 1000) != $u">
          <finding rule="CUR-019" severity="error" course="{$course/@id}" subject="{@id}" have="{sum(s:placement/@units)}" need="{@units}"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
