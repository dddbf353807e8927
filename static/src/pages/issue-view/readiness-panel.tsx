export { ReadinessPanel as default } from '../../components/readiness/ReadinessPanel';
