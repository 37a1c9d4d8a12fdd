import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateWith } from '@app/platform';
import { CourseInput } from '../application/records.inputs';
import { ASSESSMENT_TYPES, AssessmentType, CREDIT_UNITS, CreditUnit } from '../domain/records.values';
import { assessmentSchema, decimalSchema, DECIMAL_PATTERN, eqfSchema, ID_PATTERN, idSchema, tagsSchema, text, unitSchema } from './schema-parts';

const courseProperties = {
  title: text(200),
  credits: decimalSchema,
  unit: unitSchema,
  eqfLevel: eqfSchema,
  field: text(100),
  tags: tagsSchema,
  assessmentType: assessmentSchema,
};
const courseRequired = ['title', 'credits', 'unit', 'eqfLevel', 'field', 'assessmentType'];

/** PUT /courses/:courseId: the whole definition. */
@ValidateWith({ type: 'object', additionalProperties: false, required: courseRequired, properties: courseProperties })
export class UpdateCourseDto implements CourseInput {
  @ApiProperty({ example: 'Supply Chain Analytics', maxLength: 200 }) title!: string;
  @ApiProperty({ example: '4', pattern: DECIMAL_PATTERN, description: 'Credits of one completion, a decimal string' }) credits!: string;
  @ApiProperty({ enum: CREDIT_UNITS, example: 'US_SEMESTER' }) unit!: CreditUnit;
  @ApiProperty({ minimum: 1, maximum: 8, example: 7, description: 'EQF level (6 bachelor, 7 master, 8 doctorate)' }) eqfLevel!: number;
  @ApiProperty({ example: 'supply-chain', maxLength: 100 }) field!: string;
  @ApiPropertyOptional({ type: [String], example: ['core'] }) tags?: string[];
  @ApiProperty({ enum: ASSESSMENT_TYPES, example: 'proctored-exam', description: 'Default assessment type of completions' }) assessmentType!: AssessmentType;
}

/** POST /courses: the definition and the course id chosen by the issuer. */
@ValidateWith({ type: 'object', additionalProperties: false, required: ['courseId', ...courseRequired], properties: { courseId: idSchema, ...courseProperties } })
export class DefineCourseDto extends UpdateCourseDto {
  @ApiProperty({ example: 'mitx-ctl.sc0x', pattern: ID_PATTERN, description: 'Global course id; prefix it with your institution' }) courseId!: string;
}

@ValidateWith({ type: 'object', required: ['courseId'], properties: { courseId: idSchema } })
export class CourseParams {
  @ApiProperty({ pattern: ID_PATTERN }) courseId!: string;
}
